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

export const NOTIFICATION_KINDS = ['IDEA_STATUS_CHANGED', 'IDEA_MERGED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification is about. Each domain that notifies adds its own type (threads, posts…). */
export const NOTIFICATION_SUBJECT_TYPES = ['IDEA'] as const;
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

  /** What changed, e.g. { "from": "NEW", "to": "PLANNED" } or { "mergedIntoId": "…" }. */
  @Column({ type: 'jsonb' })
  data: Record<string, string | null>;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notifications_actor_id_fkey' })
  actor?: unknown;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
