import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { NotificationType } from '../notifications/notification.type';
import { IdeaType } from './idea.type';
import { ideaLoaders } from './ideas.loaders';
import { IdeasService } from './ideas.service';

/**
 * The idea a notification is about, for notifications whose subject is an IDEA: notifications
 * store a subject (type + id) and depend on no domain, so the idea box resolves its own subjects.
 */
@Resolver(() => NotificationType)
export class NotificationIdeaResolver {
  constructor(private readonly ideas: IdeasService) {}

  @ResolveField(() => IdeaType, { nullable: true })
  async idea(notification: NotificationType, _args: unknown, ctx: GraphQLContext): Promise<IdeaType | null> {
    if (notification.subjectType !== 'IDEA') return null;
    const idea = await ideaLoaders(ctx, this.ideas).byId.load(notification.subjectId);
    return idea ? IdeaType.from(idea) : null;
  }
}
