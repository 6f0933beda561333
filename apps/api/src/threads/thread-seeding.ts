import { hasAtLeastRole, Language } from '@parvis/domain';
import { EntityManager } from 'typeorm';
import { markdownToText, renderMarkdown } from '../common/markdown';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { Post } from './post.entity';
import { Thread } from './thread.entity';

/**
 * What the demo seeds (threads, ideas, moderation) share to write threads and posts. Seeds write
 * rows directly with past timestamps (answer clocks and rankings need a history), through the
 * same Markdown rendering as the API, so a seeded post reads exactly like a posted one.
 */
export interface SeedClock {
  tx: EntityManager;
  /** The seed's "now", in milliseconds; every timestamp is counted back from it. */
  now: number;
}

export function hoursBeforeNow(clock: SeedClock, hours: number): Date {
  return new Date(clock.now - Math.round(hours * 3_600_000));
}

export async function seedPost(
  tx: EntityManager,
  thread: Thread,
  author: User,
  body: string,
  isQuestion: boolean,
  at: Date,
): Promise<Post> {
  const post = tx.create(Post, {
    threadId: thread.id,
    authorId: author.id,
    isQuestion,
    bodyMarkdown: body,
    bodyHtml: renderMarkdown(body),
    bodyText: markdownToText(body),
    isOfficial: hasAtLeastRole(author.role, 'STAFF'),
    createdAt: at,
  });
  await tx.insert(Post, post);
  return post;
}

/** A question asked `ago` hours ago in a help space, with its answer clocks running from then. */
export async function seedQuestion(
  ctx: SeedClock & { help: Space },
  author: User,
  language: Language,
  ago: number,
  title: string,
  body: string,
): Promise<Thread & { question: Post }> {
  const at = hoursBeforeNow(ctx, ago);
  const thread = ctx.tx.create(Thread, {
    spaceId: ctx.help.id,
    authorId: author.id,
    title,
    language,
    createdAt: at,
    lastActivityAt: at,
    repliesCount: 0,
    firstResponseAt: null,
    firstResponseDueAt: new Date(at.getTime() + ctx.help.firstResponseMinutes * 60_000),
    answerDueAt: new Date(at.getTime() + ctx.help.answerMinutes * 60_000),
  });
  await ctx.tx.insert(Thread, thread);
  const question = await seedPost(ctx.tx, thread, author, body, true, at);
  return Object.assign(thread, { question });
}

/** A reply `ago` hours ago; the first one by an expert or staff (not the asker) meets the first-response clock. */
export async function seedReply(
  ctx: SeedClock,
  thread: Thread,
  author: User,
  ago: number,
  body: string,
): Promise<Post> {
  const at = hoursBeforeNow(ctx, ago);
  const post = await seedPost(ctx.tx, thread, author, body, false, at);
  const firstResponse =
    !thread.firstResponseAt && author.id !== thread.authorId && hasAtLeastRole(author.role, 'EXPERT');
  if (firstResponse) thread.firstResponseAt = at;
  thread.repliesCount += 1;
  thread.lastActivityAt = at;
  await ctx.tx.update(
    Thread,
    { id: thread.id },
    { repliesCount: thread.repliesCount, lastActivityAt: at, firstResponseAt: thread.firstResponseAt },
  );
  return post;
}
