import { scoreTone } from '@parvis/domain';
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
  });
}
