import { canReadPost, Reader } from '@parvis/domain';

/**
 * Where the visibility rule of hidden posts (libs/shared/domain moderation.ts `canReadPost`)
 * meets the API. Every path that shows a post's text calls one of these:
 * - per reader (a post's body and revisions, an idea's body): `readableBody`;
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
 * SQL condition on a `posts` alias: the post is not hidden, and neither is its thread's question
 * (a thread whose question is hidden is found through none of its posts).
 */
export function publicPostSql(alias: string): string {
  return `(${alias}.hidden_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM posts hidden_question
     WHERE hidden_question.thread_id = ${alias}.thread_id AND hidden_question.is_question AND hidden_question.hidden_at IS NOT NULL))`;
}
