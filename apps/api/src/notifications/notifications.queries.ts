import { EntityManager } from 'typeorm';
import { NotificationKind, NotificationSubject } from './notification.entity';

/** One notice to write for several people at once. */
export interface NotificationBatch {
  recipientIds: readonly string[];
  kind: NotificationKind;
  subject: NotificationSubject;
  actorId: string | null;
  data: Record<string, string | null>;
  /** When it happened: now unless given (the demo seed writes the past). */
  createdAt?: Date;
}

/**
 * Writes the batch for each recipient once, never for the actor, with one INSERT … SELECT,
 * however many people that is. Returns how many notices were written.
 */
export async function insertNotifications(tx: EntityManager, batch: NotificationBatch): Promise<number> {
  const rows = await tx.query<unknown[]>(
    `INSERT INTO notifications (user_id, kind, subject_type, subject_id, actor_id, data, created_at)
     SELECT DISTINCT r.user_id, $2, $3, $4::uuid, $5::uuid, $6::jsonb, COALESCE($7::timestamptz, now())
     FROM unnest($1::uuid[]) AS r(user_id)
     WHERE r.user_id IS DISTINCT FROM $5::uuid
     RETURNING id`,
    [
      batch.recipientIds,
      batch.kind,
      batch.subject.type,
      batch.subject.id,
      batch.actorId,
      JSON.stringify(batch.data),
      batch.createdAt ?? null,
    ],
  );
  return rows.length;
}

/** How many notifications someone has, and how many of them are unread. */
export async function notificationCounts(
  db: EntityManager,
  userId: string,
): Promise<{ total: number; unread: number }> {
  const [counts] = await db.query<{ total: number; unread: number }[]>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
    [userId],
  );
  return counts;
}

/** Marks someone's unread notifications read: the given ones (only theirs), or all of them. */
export async function markNotificationsRead(
  db: EntityManager,
  userId: string,
  ids: readonly string[] | null,
): Promise<void> {
  await db.query(
    `UPDATE notifications SET read_at = now()
     WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
    [userId, ids],
  );
}

/** Marks every unread notice written before `before` read, at the time it was written. */
export async function markNotificationsReadBefore(db: EntityManager, before: Date): Promise<void> {
  await db.query(`UPDATE notifications SET read_at = created_at WHERE read_at IS NULL AND created_at < $1`, [
    before,
  ]);
}

export async function unreadNotificationCount(db: EntityManager, userId: string): Promise<number> {
  const [{ unread }] = await db.query<{ unread: number }[]>(
    `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return unread;
}
