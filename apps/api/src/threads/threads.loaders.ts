import { byKeys, loaderFor } from '../common/loaders';
import type { ConnectionShape } from '../common/pagination';
import type { GraphQLContext } from '../common/viewer';
import type { Contributions } from './answers.queries';
import type { AnswersService } from './answers.service';
import type { PostRevision } from './post-revision.entity';
import type { Post } from './post.entity';
import type { PostsService } from './posts.service';
import type { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import type { PrivateFollowUpsService } from './private-follow-ups.service';
import type { Thread } from './thread.entity';
import type { QuestionState } from './threads.queries';
import type { ThreadsService } from './threads.service';

/*
 * The per-request loaders of the threads module: whatever a page shows (200 posts, their
 * revisions, thanks), each relation costs one query per request tick, not one per row.
 */

const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
};

export const threadsById = (ctx: GraphQLContext, threads: ThreadsService) =>
  loaderFor<string, Thread>(ctx, 'threads.byId', async (ids) =>
    byKeys(ids, await threads.threadsByIds(ids), (t) => t.id),
  );

export const postsById = (ctx: GraphQLContext, posts: PostsService) =>
  loaderFor<string, Post>(ctx, 'posts.byId', async (ids) =>
    byKeys(ids, await posts.postsByIds(ids), (p) => p.id),
  );

export const questionByThreadId = (ctx: GraphQLContext, posts: PostsService) =>
  loaderFor<string, Post>(ctx, 'posts.questionByThreadId', async (ids) =>
    byKeys(ids, await posts.questionsByThreadIds(ids), (p) => p.threadId),
  );

/**
 * What a thread's title needs of its question: whether it is hidden, and whose it is. The thread
 * list's statement carries it (threads.queries.ts `threadsPage`) and primes it, so that a list
 * costs no statement for its questions; anywhere else it is the question itself, from
 * `questionByThreadId` (shared with the `question` field: no statement more).
 */
export const questionStateByThreadId = (ctx: GraphQLContext, posts: PostsService) =>
  loaderFor<string, QuestionState>(ctx, 'posts.questionStateByThreadId', async (ids) =>
    (await questionByThreadId(ctx, posts).loadMany(ids)).map((question) => {
      if (question instanceof Error) throw question;
      return question;
    }),
  );

/** One page of a thread's replies: `total` is the thread's replies count. */
export interface ReplyPageKey {
  threadId: string;
  total: number;
  first: number;
  after?: string;
}

/**
 * Pages of replies. The thread query primes the page its `posts` field asks for, fetched in the
 * same statement as the question (ThreadsResolver.thread); any other page is fetched on its own.
 */
export const replyPages = (ctx: GraphQLContext, posts: PostsService) =>
  loaderFor<ReplyPageKey, ConnectionShape<Post>, string>(
    ctx,
    'posts.replyPages',
    (keys) => Promise.all(keys.map((k) => posts.replies(k.threadId, k.total, k.first, k.after))),
    (k) => `${k.threadId} ${k.first} ${k.after ?? ''}`,
  );

export const revisionsByPostId = (ctx: GraphQLContext, posts: PostsService) =>
  loaderFor<string, PostRevision[]>(ctx, 'postRevisions.byPostId', async (ids) =>
    groupBy(ids, await posts.revisionsByPostIds(ids), (r) => r.postId),
  );

/** Whether the viewer thanks each post (false for every post when nobody is signed in). */
export const viewerThanksPostId = (ctx: GraphQLContext, answers: AnswersService) =>
  loaderFor<string, boolean>(ctx, 'thanks.byViewer', async (postIds) => {
    const viewer = ctx.req.viewer;
    if (!viewer) return postIds.map(() => false);
    const thanked = await answers.thankedPostIds(viewer.id, postIds);
    return postIds.map((id) => thanked.has(id));
  });

export const contributionsByUserId = (ctx: GraphQLContext, answers: AnswersService) =>
  loaderFor<string, Omit<Contributions, 'userId'>>(ctx, 'users.contributions', async (ids) => {
    const rows = await answers.contributionsByUserIds(ids);
    return ids.map((id) => rows.find((r) => r.userId === id) ?? { thanksReceived: 0, acceptedAnswers: 0 });
  });

export const followUpByThreadId = (ctx: GraphQLContext, followUps: PrivateFollowUpsService) =>
  loaderFor<string, PrivateFollowUp>(ctx, 'privateFollowUps.byThreadId', async (ids) =>
    byKeys(ids, await followUps.followUpsByThreadIds(ids), (f) => f.threadId),
  );

export const messagesByFollowUpId = (ctx: GraphQLContext, followUps: PrivateFollowUpsService) =>
  loaderFor<string, PrivateMessage[]>(ctx, 'privateMessages.byFollowUpId', async (ids) =>
    groupBy(ids, await followUps.messagesByFollowUpIds(ids), (m) => m.followUpId),
  );
