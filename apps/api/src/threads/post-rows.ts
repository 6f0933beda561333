import { scoreTone } from '@parvis/domain';
import { EntityManager } from 'typeorm';
import { notFound } from '../common/domain-error';
import { markdownToText, renderMarkdown } from '../common/markdown';
import { Post } from './post.entity';
import { Actor, speaksForBrand } from './threads.rules';

/**
 * The columns a post's body fills at every write (a new post, an edit): the Markdown as written,
 * the sanitized HTML shown, the plain text searched, and the tone scored on that plain text.
 */
export function bodyColumns(
  bodyMarkdown: string,
): Pick<Post, 'bodyMarkdown' | 'bodyHtml' | 'bodyText' | 'tone' | 'toneScore'> {
  const bodyText = markdownToText(bodyMarkdown);
  const { tone, score } = scoreTone(bodyText);
  return { bodyMarkdown, bodyHtml: renderMarkdown(bodyMarkdown), bodyText, tone, toneScore: score };
}

/** A new post (a thread's question or a reply), official when its author speaks for the brand. */
export function newPost(
  threadId: string,
  author: Actor,
  bodyMarkdown: string,
  isQuestion: boolean,
  now: Date,
): Post {
  return Object.assign(new Post(), {
    threadId,
    authorId: author.id,
    isQuestion,
    isOfficial: speaksForBrand(author),
    createdAt: now,
    ...bodyColumns(bodyMarkdown),
    // Every column said, so that the row written is the row read back (no second read needed).
    thanksCount: 0,
    editedAt: null,
    hiddenAt: null,
    hiddenById: null,
    hiddenReason: null,
    hiddenNote: null,
    answeredByPostId: null,
    answeredAt: null,
    answeredMarkedById: null,
  });
}

/** The post with this id, or NOT_FOUND; `lock` holds its row (FOR UPDATE) until the transaction ends. */
export async function postRow(tx: EntityManager, postId: string, lock = false): Promise<Post> {
  const post = await tx.findOne(Post, {
    where: { id: postId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!post) throw notFound('There is no such post.', 'POST_NOT_FOUND');
  return post;
}
