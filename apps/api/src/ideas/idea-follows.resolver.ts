import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { viewerFollows } from '../notifications/follows.loader';
import { NotificationsService } from '../notifications/notifications.service';
import { IdeaType } from './idea.type';

/** Whether the viewer follows an idea (its status changes notify them); voting and proposing follow it. */
@Resolver(() => IdeaType)
export class IdeaFollowsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person follows this idea.' })
  async viewerFollows(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    return (await viewerFollows(ctx, this.notifications, 'IDEA').load(idea.id)) ?? false;
  }
}
