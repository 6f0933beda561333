import { EntityManager } from 'typeorm';
import { FollowSubjectType } from './follow.entity';
import {
  defaultDelivery,
  Notification,
  NotificationDelivery,
  NotificationKind,
  NotificationSubject,
  NotificationSubjectType,
} from './notification.entity';

/** One notice to write for several people at once. */
export interface NotificationBatch {
  recipientIds: readonly string[];
  /** Also everyone who follows this subject (not those who unfollowed it). */
  followersOf?: { type: FollowSubjectType; id: string } | null;
  /** People told of the same event by another notice already (a mention is not also a reply). */
  exceptIds?: readonly string[];
  kind: NotificationKind;
  subject: NotificationSubject;
  actorId: string | null;
  data: Record<string, string | null>;
  /** When it happened: now unless given (the demo seed writes the past). */
  createdAt?: Date;
  /** An event that reaches each person once, however many processes report it. */
  dedupeKey?: string | null;
  /** The actor follows `followersOf` from now on (a post's author), unless they unfollowed it. */
  actorFollows?: boolean;
}

/** A notice just written: whom for, and how they chose to hear of its kind. */
export interface WrittenNotice {
  id: string;
  userId: string;
  delivery: NotificationDelivery;
  /**
   * It goes by e-mail now: they chose "e-mail at once", and it is not a kind of `MAILED_UNTIL_READ`
   * whose earlier notice about the same subject, mailed to them, they have not read yet.
   */
  mailNow: boolean;
}

/**
 * Kinds mailed once until read: a busy thread would otherwise send its followers one e-mail per
 * reply. The first reply's mail tells them that the next ones wait until they open the thread
 * (forums have long done so); the in-app notices are all written, and grouped.
 */
export const MAILED_UNTIL_READ: readonly NotificationKind[] = ['REPLY'];

/** A PostgreSQL notification for the live-event bus (events/live-events.service.ts): its channel and topic. */
export interface CountAnnouncement {
  channel: string;
  topic: string;
  /** Ids per notification: PostgreSQL limits a payload to 8,000 bytes. */
  batch: number;
}

/**
 * Writes the batch for each recipient once, never for the actor nor for whoever turned the kind
 * OFF, each with the delivery they chose (or the kind's default), with one INSERT … SELECT
 * however many people that is. A dedupe key already written for someone writes nothing again.
 * In the same statement (one round trip, the hot path of every reply): the actor follows the
 * subject when `actorFollows` (an earlier unfollow stays; the actor is never a recipient, so the
 * notices do not depend on it), and the recipients' open pages are told that their unread count
 * changed (`pg_notify`, delivered when the transaction commits), with the payload that
 * LiveEvents.publish sends: `{ topic, data: { userIds } }`; and each notice says whether it is
 * mailed now (`mailNow`).
 */
export async function insertNotifications(
  tx: EntityManager,
  batch: NotificationBatch,
  announce: CountAnnouncement,
): Promise<WrittenNotice[]> {
  return tx.query<WrittenNotice[]>(
    `WITH recipients AS (
       SELECT r.user_id FROM unnest($1::uuid[]) AS r(user_id)
       UNION
       SELECT f.user_id FROM follows f WHERE f.following AND f.subject_type = $8 AND f.subject_id = $9::uuid
     ), chosen AS (
       SELECT r.user_id, COALESCE(p.delivery, $10) AS delivery
       FROM recipients r
       LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.kind = $2
       WHERE r.user_id IS DISTINCT FROM $5::uuid AND r.user_id <> ALL($11::uuid[])
         -- who unfollowed the subject hears nothing more of it, even as a voter or its author
         AND NOT EXISTS (SELECT 1 FROM follows u WHERE u.user_id = r.user_id AND NOT u.following
                          AND u.subject_type = $8 AND u.subject_id = $9::uuid)
     ), written AS (
       INSERT INTO notifications (user_id, kind, subject_type, subject_id, actor_id, data, created_at, delivery, dedupe_key)
       SELECT c.user_id, $2, $3, $4::uuid, $5::uuid, $6::jsonb, COALESCE($7::timestamptz, now()), c.delivery, $12
       FROM chosen c WHERE c.delivery <> 'OFF'
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, user_id, delivery
     ), followed AS (
       INSERT INTO follows (user_id, subject_type, subject_id, following)
       SELECT $5::uuid, $8, $9::uuid, true WHERE $13 AND $5::uuid IS NOT NULL AND $9::uuid IS NOT NULL
       ON CONFLICT ON CONSTRAINT follows_user_subject_key DO NOTHING
     ), announced AS (
       SELECT pg_notify($14, json_build_object('topic', $15::text, 'data', json_build_object('userIds', json_agg(b.user_id)))::text)
       FROM (SELECT w.user_id, (row_number() OVER () - 1) / $16::int AS n FROM written w) b
       GROUP BY b.n
     )
     SELECT w.id, w.user_id AS "userId", w.delivery,
            w.delivery = 'EMAIL' AND NOT ($17::boolean AND EXISTS (
              -- the statement's snapshot: only notices written before this one
              SELECT 1 FROM notifications e
               WHERE e.user_id = w.user_id AND e.subject_type = $3 AND e.subject_id = $4::uuid
                 AND e.kind = $2 AND e.delivery = 'EMAIL' AND e.read_at IS NULL)) AS "mailNow"
       FROM written w CROSS JOIN (SELECT count(*) FROM announced) a`,
    [
      batch.recipientIds,
      batch.kind,
      batch.subject.type,
      batch.subject.id,
      batch.actorId,
      JSON.stringify(batch.data),
      batch.createdAt ?? null,
      batch.followersOf?.type ?? null,
      batch.followersOf?.id ?? null,
      defaultDelivery(batch.kind),
      batch.exceptIds ?? [],
      batch.dedupeKey ?? null,
      batch.actorFollows ?? false,
      announce.channel,
      announce.topic,
      announce.batch,
      MAILED_UNTIL_READ.includes(batch.kind),
    ],
  );
}

/** Several notices of one kind about one subject (thanks: about one post), as one line. */
export interface NotificationGroupRow {
  subjectType: NotificationSubjectType;
  subjectId: string;
  kind: NotificationKind;
  count: number;
  unread: number;
  latestAt: Date;
  /** The latest actors first (repeated ones included: the caller keeps the first of each). */
  actorIds: string[] | null;
  actorCount: number;
  /** The data of the notice to open: the earliest unread one (where reading should start), else the latest. */
  data: Record<string, string | null>;
}

/** Someone's notices grouped per subject and kind, groups with unread notices first, then newest. */
export async function notificationGroups(
  db: EntityManager,
  userId: string,
  kinds: readonly NotificationKind[] | null,
  limit: number,
): Promise<NotificationGroupRow[]> {
  return db.query<NotificationGroupRow[]>(
    `SELECT n.subject_type AS "subjectType", n.subject_id AS "subjectId", n.kind,
            count(*)::int AS count,
            count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread,
            max(n.created_at) AS "latestAt",
            (array_agg(n.actor_id ORDER BY n.created_at DESC) FILTER (WHERE n.actor_id IS NOT NULL))[1:12] AS "actorIds",
            count(DISTINCT n.actor_id)::int AS "actorCount",
            (array_agg(n.data ORDER BY (n.read_at IS NULL) DESC,
                       CASE WHEN n.read_at IS NULL THEN n.created_at END ASC,
                       n.created_at DESC))[1] AS data
     FROM notifications n
     WHERE n.user_id = $1 AND ($2::text[] IS NULL OR n.kind = ANY($2::text[]))
     GROUP BY n.subject_type, n.subject_id, n.kind,
              CASE WHEN n.kind IN ('THANKED', 'POST_HIDDEN', 'POST_RESTORED') THEN n.data->>'postId'
                   WHEN n.kind = 'SLA_AT_RISK' THEN n.data->>'clock' END
     ORDER BY count(*) FILTER (WHERE n.read_at IS NULL) > 0 DESC, max(n.created_at) DESC
     LIMIT $3`,
    [userId, kinds, limit],
  );
}

/** Marks someone's unread notices about one subject read (they opened it); returns how many. */
export async function markSubjectRead(
  db: EntityManager,
  userId: string,
  subject: NotificationSubject,
): Promise<number> {
  const rows = await db.query<unknown[]>(
    `UPDATE notifications SET read_at = now()
     WHERE user_id = $1 AND subject_type = $2 AND subject_id = $3 AND read_at IS NULL RETURNING id`,
    [userId, subject.type, subject.id],
  );
  return rows.length;
}

/**
 * Follows a subject. `explicit`: the person pressed Follow (it also undoes their unfollow);
 * otherwise it is the automatic follow of posting, which leaves an explicit unfollow alone.
 */
export async function follow(
  tx: EntityManager,
  userIds: readonly string[],
  subject: { type: FollowSubjectType; id: string },
  explicit: boolean,
): Promise<void> {
  await tx.query(
    `INSERT INTO follows (user_id, subject_type, subject_id, following)
     SELECT DISTINCT u.user_id, $2, $3::uuid, true FROM unnest($1::uuid[]) AS u(user_id)
     ON CONFLICT ON CONSTRAINT follows_user_subject_key DO ${explicit ? 'UPDATE SET following = true' : 'NOTHING'}`,
    [userIds, subject.type, subject.id],
  );
}

export async function unfollow(
  tx: EntityManager,
  userId: string,
  subject: { type: FollowSubjectType; id: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO follows (user_id, subject_type, subject_id, following) VALUES ($1, $2, $3, false)
     ON CONFLICT ON CONSTRAINT follows_user_subject_key DO UPDATE SET following = false`,
    [userId, subject.type, subject.id],
  );
}

/** Which of these subjects someone follows. */
export async function followedIds(
  db: EntityManager,
  userId: string,
  type: FollowSubjectType,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await db.query<{ subject_id: string }[]>(
    `SELECT subject_id FROM follows WHERE user_id = $1 AND subject_type = $2 AND subject_id = ANY($3::uuid[]) AND following`,
    [userId, type, ids],
  );
  return new Set(rows.map((r) => r.subject_id));
}

/** A digest's notices: someone's of one delivery, written in [from, to), oldest first. */
export interface DigestRecipientRow {
  userId: string;
  timeZone: string;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * Who gets a digest at `now`: people with notices of this delivery whose local time is the digest
 * hour (weekly: on a Monday). The period ends at that hour today, local time, and its key is the
 * local date, so every process that looks during that hour finds the same period and the same key.
 */
export async function digestRecipients(
  db: EntityManager,
  params: { delivery: 'DAILY' | 'WEEKLY'; now: Date; hour: number; defaultTimeZone: string },
): Promise<DigestRecipientRow[]> {
  const days = params.delivery === 'DAILY' ? 1 : 7;
  return db.query<DigestRecipientRow[]>(
    `WITH people AS (
       SELECT DISTINCT n.user_id, COALESCE(s.time_zone, $3) AS tz
       FROM notifications n LEFT JOIN notification_settings s ON s.user_id = n.user_id
       WHERE n.delivery = $1 AND n.created_at > $2::timestamptz - interval '8 days'
     ), local AS (
       SELECT user_id, tz, ($2::timestamptz AT TIME ZONE tz) AS local_now FROM people
     ), due AS (
       SELECT user_id, tz, local_now,
              (date_trunc('day', local_now) + make_interval(hours => $4)) AT TIME ZONE tz AS period_end
       FROM local
       WHERE extract(hour FROM local_now) = $4 AND ($5 = 1 OR extract(isodow FROM local_now) = 1)
     )
     SELECT user_id AS "userId", tz AS "timeZone", to_char(local_now, 'YYYY-MM-DD') AS "periodKey",
            period_end - make_interval(days => $5) AS "periodStart", period_end AS "periodEnd"
     FROM due`,
    [params.delivery, params.now, params.defaultTimeZone, params.hour, days],
  );
}

/** Someone's notices of one delivery written in [from, to), oldest first. */
export async function noticesBetween(
  db: EntityManager,
  userId: string,
  delivery: NotificationDelivery,
  from: Date,
  to: Date,
): Promise<Notification[]> {
  return db
    .getRepository(Notification)
    .createQueryBuilder('n')
    .where(
      'n.user_id = :userId AND n.delivery = :delivery AND n.created_at >= :from AND n.created_at < :to',
      {
        userId,
        delivery,
        from,
        to,
      },
    )
    .orderBy('n.created_at', 'ASC')
    .addOrderBy('n.id', 'ASC')
    .limit(100)
    .getMany();
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
