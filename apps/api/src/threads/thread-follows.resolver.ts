import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { viewerFollows } from '../notifications/follows.loader';
import { NotificationsService } from '../notifications/notifications.service';
import { ThreadType } from './thread.type';

/** Whether the viewer follows a thread (its replies notify them); the follow button reads it. */
@Resolver(() => ThreadType)
export class ThreadFollowsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person follows this thread.' })
  async viewerFollows(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    return (await viewerFollows(ctx, this.notifications, 'THREAD').load(thread.id)) ?? false;
  }
}
