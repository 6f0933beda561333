import { loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { Flag } from './flag.entity';
import type { ModerationService } from './moderation.service';

/** Per-request loaders of the moderation module: one query per request tick, whatever the number of posts. */
export const moderationLoaders = (ctx: GraphQLContext, moderation: ModerationService) => ({
  openFlagsByPostId: loaderFor<string, Flag[]>(ctx, 'flags.openByPostId', async (postIds) => {
    const flags = await moderation.openFlagsByPostIds(postIds);
    return postIds.map((id) => flags.filter((f) => f.postId === id));
  }),
  previousPostId: loaderFor<string, string>(ctx, 'posts.previousId', async (postIds) => {
    const previous = await moderation.previousPostIds(postIds);
    return postIds.map((id) => previous.get(id) ?? null);
  }),
  laterReplyIds: loaderFor<string, string[]>(ctx, 'posts.laterReplyIds', async (postIds) => {
    const later = await moderation.laterReplyIds(postIds);
    return postIds.map((id) => later.get(id) ?? []);
  }),
  viewerFlagged: loaderFor<string, boolean>(ctx, 'flags.byViewer', async (postIds) => {
    const viewer = ctx.req.viewer;
    if (!viewer) return postIds.map(() => false);
    const flagged = await moderation.flaggedByMember(viewer.id, postIds);
    return postIds.map((id) => flagged.has(id));
  }),
});
