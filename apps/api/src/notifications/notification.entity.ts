import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { sqlInList } from '../common/sql-check';

/**
 * Every event someone is told about. The notice stores the kind, its subject and a few ids
 * (`data`); the sentence is written when it is read (web: i18n, mail: the recipient's language),
 * and a post's text or a thread's title is looked up then, so hidden text never travels in it.
 */
export const NOTIFICATION_KINDS = [
  'REPLY',
  'MENTIONED',
  'ANSWER_ACCEPTED',
  'THREAD_ANSWERED',
  'THREAD_RESOLVED',
  'THANKED',
  'PRIVATE_FOLLOW_UP',
  'POST_HIDDEN',
  'POST_RESTORED',
  'IDEA_STATUS_CHANGED',
  'IDEA_MERGED',
  'CAMPAIGN_CLOSED',
  'SLA_AT_RISK',
  'THREAD_ASSIGNED',
  'NOTE_MENTIONED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * How someone wants to hear of a kind of event: in the app only, by e-mail at once, in the daily
 * or weekly digest e-mail (each also in the app), or not at all.
 */
export const NOTIFICATION_DELIVERIES = ['IN_APP', 'EMAIL', 'DAILY', 'WEEKLY', 'OFF'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/**
 * Replies to my questions, accepted answers and threads assigned to me come by e-mail at once; the
 * rest in the app.
 */
export function defaultDelivery(kind: NotificationKind): NotificationDelivery {
  return kind === 'REPLY' || kind === 'ANSWER_ACCEPTED' || kind === 'THREAD_ASSIGNED' ? 'EMAIL' : 'IN_APP';
}

/** What a notification is about. Each domain that notifies adds its own type. */
export const NOTIFICATION_SUBJECT_TYPES = ['IDEA', 'THREAD', 'CAMPAIGN'] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

/** The thing a notification is about, by type and id: no foreign key, so any domain may notify. */
export interface NotificationSubject {
  type: NotificationSubjectType;
  id: string;
}

/**
 * An in-app notice for one person ("the idea you voted for is now PLANNED"). Written in the
 * same transaction as what it reports, for all recipients with one INSERT … SELECT.
 * Its subject (type + id) points at what it is about without a foreign key, so this module
 * depends on no domain; the domain owning a subject type resolves it for GraphQL. The people
 * (recipient, actor) keep their foreign keys to users, declared by entity name for the same reason.
 */
@Entity('notifications')
@Check('notifications_kind_check', sqlInList('kind', NOTIFICATION_KINDS))
@Check('notifications_subject_type_check', sqlInList('subject_type', NOTIFICATION_SUBJECT_TYPES))
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', ['userId'], { where: 'read_at IS NULL' })
@Index('notifications_user_subject_idx', ['userId', 'subjectType', 'subjectId'])
@Index('notifications_user_dedupe_key', ['userId', 'dedupeKey'], {
  unique: true,
  where: 'dedupe_key IS NOT NULL',
})
@Index('notifications_digest_idx', ['delivery', 'createdAt'], { where: "delivery IN ('DAILY', 'WEEKLY')" })
@Check('notifications_delivery_check', sqlInList('delivery', NOTIFICATION_DELIVERIES))
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: unknown;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 20 })
  subjectType: NotificationSubjectType;

  @Column({ type: 'uuid' })
  subjectId: string;

  /**
   * Ids and short codes only, never text: { "from": "NEW", "to": "PLANNED" }, { "postId": "…" },
   * { "rule": "INSULT" }, { "clock": "ANSWER", "dueAt": "…" }.
   */
  @Column({ type: 'jsonb' })
  data: Record<string, string | null>;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notifications_actor_id_fkey' })
  actor?: unknown;

  /** How the recipient chose to hear of this kind when it was written (the digests pick theirs by it). */
  @Column({ type: 'varchar', length: 10, default: 'IN_APP' })
  delivery: NotificationDelivery;

  /** Names an event that must reach each person once (a deadline warning), whichever process sees it. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
