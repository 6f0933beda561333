import { loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { FollowSubjectType } from './follow.entity';
import type { NotificationsService } from './notifications.service';

/** Whether the viewer follows each thread (or idea): false for all when nobody is signed in. */
export function viewerFollows(
  ctx: GraphQLContext,
  notifications: NotificationsService,
  type: FollowSubjectType,
) {
  return loaderFor<string, boolean>(ctx, `follows.${type}.byViewer`, async (ids) => {
    const viewer = ctx.req.viewer;
    if (!viewer) return ids.map(() => false);
    const followed = await notifications.followedIds(viewer.id, type, ids);
    return ids.map((id) => followed.has(id));
  });
}
