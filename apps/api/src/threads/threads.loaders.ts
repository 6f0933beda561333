import { byKeys, loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { Space } from '../spaces/space.entity';
import type { PostRevision } from './post-revision.entity';
import type { Post } from './post.entity';
import type { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import type { Thread } from './thread.entity';
import type { ThreadsService } from './threads.service';

/**
 * The per-request loaders of the threads module: whatever a page shows (200 posts, their
 * authors, revisions, thanks), each relation costs one query per request tick, not one per row.
 */
export function threadLoaders(ctx: GraphQLContext, threads: ThreadsService) {
  const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] => {
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  };
  return {
    threadsById: loaderFor<string, Thread>(ctx, 'threads.byId', async (ids) =>
      byKeys(ids, await threads.threadsByIds(ids), (t) => t.id),
    ),
    postsById: loaderFor<string, Post>(ctx, 'posts.byId', async (ids) =>
      byKeys(ids, await threads.postsByIds(ids), (p) => p.id),
    ),
    questionByThreadId: loaderFor<string, Post>(ctx, 'posts.questionByThreadId', async (ids) =>
      byKeys(ids, await threads.questionsByThreadIds(ids), (p) => p.threadId),
    ),
    spacesById: loaderFor<string, Space>(ctx, 'spaces.byId', async (ids) =>
      byKeys(ids, await threads.spacesByIds(ids), (s) => s.id),
    ),
    revisionsByPostId: loaderFor<string, PostRevision[]>(ctx, 'postRevisions.byPostId', async (ids) =>
      groupBy(ids, await threads.revisionsByPostIds(ids), (r) => r.postId),
    ),
    viewerThanksPostId: loaderFor<string, boolean>(ctx, 'thanks.byViewer', async (postIds) => {
      const viewer = ctx.req.viewer;
      if (!viewer) return postIds.map(() => false);
      const thanked = await threads.thankedPostIds(viewer.id, postIds);
      return postIds.map((id) => thanked.has(id));
    }),
    followUpByThreadId: loaderFor<string, PrivateFollowUp>(ctx, 'privateFollowUps.byThreadId', async (ids) =>
      byKeys(ids, await threads.followUpsByThreadIds(ids), (f) => f.threadId),
    ),
    messagesByFollowUpId: loaderFor<string, PrivateMessage[]>(
      ctx,
      'privateMessages.byFollowUpId',
      async (ids) => groupBy(ids, await threads.messagesByFollowUpIds(ids), (m) => m.followUpId),
    ),
    contributionsByUserId: loaderFor<string, { thanksReceived: number; acceptedAnswers: number }>(
      ctx,
      'users.contributions',
      async (ids) => {
        const rows = await threads.contributionsByUserIds(ids);
        return ids.map(
          (id) => rows.find((r) => r.userId === id) ?? { thanksReceived: 0, acceptedAnswers: 0 },
        );
      },
    ),
  };
}
