import { Int, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, requireSignedIn, Viewer } from '../common/viewer';
import { EventStream } from '../events/event-stream';
import { LiveEvents } from '../events/live-events.service';
import { NotificationsService, UNREAD_COUNT_TOPIC, UnreadCountEventData } from './notifications.service';

/** The header bell's live count. */
@Resolver()
export class UnreadCountResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly notifications: NotificationsService,
  ) {}

  @Subscription(() => Int, {
    description:
      'The viewer’s unread notification count: as it stands when subscribing, then each time it changes (a new notification, notifications marked read in another tab). Signed-in only.',
    resolve: (count: number): number => count,
  })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): EventStream<number> {
    const user = requireSignedIn(viewer, 'follow your notifications');
    return this.live.stream(
      UNREAD_COUNT_TOPIC,
      async (data) =>
        (data as UnreadCountEventData).userIds.includes(user.id)
          ? this.notifications.unreadCount(user.id)
          : null,
      this.notifications.unreadCount(user.id),
    );
  }
}
