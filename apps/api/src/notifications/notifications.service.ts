import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { mapConnection, pageInCreationOrder } from '../common/pagination';
import { requireSignedIn, Viewer } from '../common/viewer';
import { LiveEvents } from '../events/live-events.service';
import { Notification, NotificationKind, NotificationSubject } from './notification.entity';
import { NotificationConnection, NotificationType } from './notification.type';
import {
  insertNotifications,
  markNotificationsRead,
  markNotificationsReadBefore,
  notificationCounts,
  unreadNotificationCount,
} from './notifications.queries';

export const UNREAD_COUNT_TOPIC = 'notifications:unread';

/** The people whose unread count changed (their ids only: each process counts for its own subscribers). */
export interface UnreadCountEventData {
  userIds: string[];
}

/** 150 ids of 36 characters stay far below PostgreSQL's 8,000-byte limit on a notification. */
const COUNT_EVENT_BATCH = 150;

/** What happened to a subject, and who did it. */
export interface NewNotification {
  kind: NotificationKind;
  subject: NotificationSubject;
  actorId: string | null;
  data: Record<string, string | null>;
  /** When it happened: now unless given (the demo seed writes a past). */
  at?: Date;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveEvents,
  ) {}

  /**
   * Notifies each of `recipientIds` once (never the actor) of what happened to a subject, in the
   * caller's transaction, with one statement however many people that is. Any domain calls this
   * piece for its own subjects; returns how many notices were written.
   */
  async notify(
    tx: EntityManager,
    recipientIds: readonly string[],
    notification: NewNotification,
  ): Promise<number> {
    const { at, ...rest } = notification;
    const written = await insertNotifications(tx, { recipientIds, ...rest, createdAt: at });
    await this.announceCounts(
      tx,
      recipientIds.filter((id) => id !== notification.actorId),
    );
    return written;
  }

  /** The viewer's unread count as it stands (the header bell's first value, then after each change). */
  unreadCount(userId: string): Promise<number> {
    return unreadNotificationCount(this.db.manager, userId);
  }

  /**
   * Tells the open pages of these people that their unread count changed, when `tx` commits.
   * A PostgreSQL notification holds at most 8,000 bytes: the ids go in batches well under it.
   */
  private async announceCounts(tx: EntityManager, userIds: readonly string[]): Promise<void> {
    for (let i = 0; i < userIds.length; i += COUNT_EVENT_BATCH) {
      const batch: UnreadCountEventData = { userIds: userIds.slice(i, i + COUNT_EVENT_BATCH) };
      await this.live.publish(tx, UNREAD_COUNT_TOPIC, batch);
    }
  }

  /** Marks every notice written before `before` read, as of when it was written (the demo's old news). */
  markReadBefore(tx: EntityManager, before: Date): Promise<void> {
    return markNotificationsReadBefore(tx, before);
  }

  /** The viewer's notifications, newest first, with how many they have and how many are unread. */
  async list(viewer: Viewer, first: number, after: string | undefined): Promise<NotificationConnection> {
    const user = requireSignedIn(viewer, 'see your notifications');
    const { total, unread } = await notificationCounts(this.db.manager, user.id);
    const query = this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: user.id });
    const page = await pageInCreationOrder(query, 'n', { first, after }, 'DESC', total);
    return { ...mapConnection(page, (row) => NotificationType.from(row)), unreadCount: unread };
  }

  /** Marks the given notifications of the viewer read (or all of them); returns how many stay unread. */
  async markRead(viewer: Viewer, ids: string[] | undefined): Promise<number> {
    const user = requireSignedIn(viewer, 'mark your notifications read');
    // Only the viewer's own rows: ids of someone else's notifications are silently not theirs to mark.
    await markNotificationsRead(this.db.manager, user.id, ids ?? null);
    await this.announceCounts(this.db.manager, [user.id]);
    return unreadNotificationCount(this.db.manager, user.id);
  }
}
