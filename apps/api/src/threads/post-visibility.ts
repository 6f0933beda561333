import { canReadPost, Reader } from '@parvis/domain';

/**
 * Where the visibility rule of hidden posts (libs/shared/domain moderation.ts `canReadPost`)
 * meets the API. Every path that shows a post's text calls one of these:
 * - per reader (a post's body, an idea's body): `readableBody`; a post's earlier versions:
 *   `readableRevisions`;
 * - for everyone at once, in SQL (search, similar threads, excerpts): `publicPostSql`, which keeps
 *   hidden posts out whoever asks, since a search result is not a place to read hidden content.
 */
export interface PostText {
  authorId: string;
  hiddenAt: Date | null;
  bodyHtml: string;
  bodyMarkdown: string;
}

/** The post's text for this reader: empty when it is hidden from them (the `hidden` notice says why). */
export function readableBody(
  post: PostText,
  reader: Reader | null,
): { bodyHtml: string; bodyMarkdown: string } {
  return canReadPost(reader, post)
    ? { bodyHtml: post.bodyHtml, bodyMarkdown: post.bodyMarkdown }
    : { bodyHtml: '', bodyMarkdown: '' };
}

/**
 * The earlier versions of a post this reader may read. A version hidden with its post stays
 * hidden after the post is restored (the restore brings back only the current text), so each
 * version is judged on its own hidden state; readers who may not read one do not get it at all.
 */
export function readableRevisions<R extends { hiddenAt: Date | null }>(
  post: { authorId: string },
  revisions: R[],
  reader: Reader | null,
): R[] {
  return revisions.filter((r) => canReadPost(reader, { authorId: post.authorId, hiddenAt: r.hiddenAt }));
}

/** What readers who may not read a hidden question see instead of its thread's (or idea's) title. */
export const HIDDEN_QUESTION_TITLE = 'Hidden question';

/**
 * A thread's title for this reader. The title is part of the question: when the question is
 * hidden from the reader, so is the title, wherever it shows (threads, ideas, notifications, the
 * moderation log). Thread.title, Idea.title and ModerationAction.title all resolve through this.
 */
export function readableTitle(
  title: string,
  question: { authorId: string; hiddenAt: Date | null } | null,
  reader: Reader | null,
): string {
  return !question || canReadPost(reader, question) ? title : HIDDEN_QUESTION_TITLE;
}

/**
 * SQL condition on a `posts` alias: the post is not hidden, and neither is its thread's question
 * (a thread whose question is hidden is found through none of its posts).
 */
export function publicPostSql(alias: string): string {
  return `(${alias}.hidden_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM posts hidden_question
     WHERE hidden_question.thread_id = ${alias}.thread_id AND hidden_question.is_question AND hidden_question.hidden_at IS NOT NULL))`;
}

/** SQL condition on a `threads` alias: its question is not hidden (a showcase lists such threads to nobody). */
export function publicThreadSql(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM posts hidden_question
     WHERE hidden_question.thread_id = ${alias}.id AND hidden_question.is_question AND hidden_question.hidden_at IS NOT NULL)`;
}
