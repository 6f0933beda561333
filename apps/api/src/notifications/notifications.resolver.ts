import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/pagination';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { MarkNotificationsReadInput } from './notifications.inputs';
import { NotificationsService } from './notifications.service';
import { NotificationConnection, NotificationType } from './notification.type';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => NotificationConnection, { description: 'The signed-in person’s notifications, newest first.' })
  notifications(@Args() page: PageArgs, @CurrentViewer() viewer: Viewer): Promise<NotificationConnection> {
    return this.service.list(viewer, page.first, page.after);
  }

  @Mutation(() => Int, { description: 'Marks notifications read; returns how many are still unread.' })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    // Optional, not `| undefined`: a union is reflected as Object, and its rules would not run.
    @Args('input', { type: () => MarkNotificationsReadInput, nullable: true })
    input?: MarkNotificationsReadInput,
  ): Promise<number> {
    return this.service.markRead(viewer, input?.ids);
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Who made the change.' })
  async actor(notification: NotificationType, _args: unknown, ctx: GraphQLContext) {
    const viewer = ctx.req.viewer ?? null;
    if (!notification.actorId) return null;
    const user = await usersById(ctx, this.identity).load(notification.actorId);
    return user ? UserType.from(user, viewer) : null;
  }
}
