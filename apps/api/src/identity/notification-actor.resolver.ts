import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { NotificationType } from '../notifications/notification.type';
import { IdentityService } from './identity.service';
import { usersById } from './user.loader';
import { UserType } from './user.type';

/**
 * Who made the change a notification reports: notifications keep only the actor's id and depend
 * on no domain, so identity resolves the person, as the idea box resolves its ideas.
 */
@Resolver(() => NotificationType)
export class NotificationActorResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { nullable: true, description: 'Who made the change.' })
  async actor(
    @Parent() notification: NotificationType,
    @Context() ctx: GraphQLContext,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserType | null> {
    if (!notification.actorId) return null;
    const user = await usersById(ctx, this.identity).load(notification.actorId);
    return user ? UserType.from(user, viewer) : null;
  }
}
