import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, toConnection } from '../common/pagination';
import { requireSignedIn, Viewer } from '../common/viewer';
import { Notification, NotificationKind } from './notification.entity';
import { NotificationConnection, NotificationType } from './notification.type';

export interface NewNotification {
  kind: NotificationKind;
  ideaId: string | null;
  actorId: string | null;
  data: Record<string, string | null>;
}

/** SQL selecting one column, `user_id`, of the people to notify, with its parameters. */
export interface Recipients {
  sql: string;
  params: unknown[];
}

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Notifies everyone the `recipients` query selects (each person once, never the actor) with
   * one INSERT … SELECT inside the caller's transaction, however many people that is.
   */
  async notify(tx: EntityManager, recipients: Recipients, notification: NewNotification): Promise<number> {
    const n = recipients.params.length;
    const rows = await tx.query<unknown[]>(
      `INSERT INTO notifications (user_id, kind, idea_id, actor_id, data)
       SELECT DISTINCT r.user_id, $${n + 1}, $${n + 2}::uuid, $${n + 3}::uuid, $${n + 4}::jsonb
       FROM (${recipients.sql}) AS r(user_id)
       WHERE r.user_id IS DISTINCT FROM $${n + 3}::uuid
       RETURNING id`,
      [
        ...recipients.params,
        notification.kind,
        notification.ideaId,
        notification.actorId,
        JSON.stringify(notification.data),
      ],
    );
    return rows.length;
  }

  async list(viewer: Viewer, first: number, after: string | undefined): Promise<NotificationConnection> {
    const user = requireSignedIn(viewer, 'see your notifications');
    const params: unknown[] = [user.id, first + 1];
    let keyset = '';
    if (after) {
      const [createdAt, id] = decodeCursor(after, ['instant', 'uuid']);
      params.push(createdAt, id);
      keyset = `AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)`;
    }
    const found = (
      await this.db.query<NotificationRow[]>(
        `SELECT n.* FROM notifications n WHERE n.user_id = $1 ${keyset} ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
        params,
      )
    ).map(toEntity);
    const [{ total, unread }] = await this.db.query<{ total: number; unread: number }[]>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
      [user.id],
    );
    const connection = toConnection(
      found,
      first,
      total,
      (row) => [row.createdAt.toISOString(), row.id],
      (row) => NotificationType.from(row),
    );
    return { ...connection, unreadCount: unread };
  }

  /** Marks the given notifications of the viewer read (or all of them); returns how many stay unread. */
  async markRead(viewer: Viewer, ids: string[] | undefined): Promise<number> {
    const user = requireSignedIn(viewer, 'mark your notifications read');
    // Only the viewer's own rows: ids of someone else's notifications are silently not theirs to mark.
    await this.db.query(
      `UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [user.id, ids ?? null],
    );
    const [{ unread }] = await this.db.query<{ unread: number }[]>(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return unread;
  }
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: Notification['kind'];
  idea_id: string | null;
  actor_id: string | null;
  data: Record<string, string | null> | null;
  read_at: Date | null;
  created_at: Date;
}

function toEntity(row: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    ideaId: row.idea_id,
    actorId: row.actor_id,
    data: row.data ?? {},
    readAt: row.read_at,
    createdAt: row.created_at,
  });
}
