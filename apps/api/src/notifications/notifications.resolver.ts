import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/pagination';
import { CurrentViewer, Viewer } from '../common/viewer';
import { MarkNotificationsReadInput } from './notifications.inputs';
import { NotificationsService } from './notifications.service';
import { NotificationConnection, NotificationType } from './notification.type';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'The signed-in person’s notifications, newest first.' })
  notifications(@Args() page: PageArgs, @CurrentViewer() viewer: Viewer): Promise<NotificationConnection> {
    return this.service.list(viewer, page.first, page.after);
  }

  @Mutation(() => Int, { description: 'Marks notifications read; returns how many are still unread.' })
  markNotificationsRead(
    @Args('input', { type: () => MarkNotificationsReadInput, nullable: true })
    input: MarkNotificationsReadInput | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<number> {
    return this.service.markRead(viewer, input?.ids);
  }
}
