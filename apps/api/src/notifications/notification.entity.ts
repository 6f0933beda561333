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
import { User } from '../identity/user.entity';
import { Idea } from '../ideas/idea.entity';
import { sqlInList } from '../common/sql-check';

export const NOTIFICATION_KINDS = ['IDEA_STATUS_CHANGED', 'IDEA_MERGED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * An in-app notice for one person ("the idea you voted for is now PLANNED"). Written in the
 * same transaction as what it reports, for all recipients with one INSERT … SELECT.
 */
@Entity('notifications')
@Check('notifications_kind_check', sqlInList('kind', NOTIFICATION_KINDS))
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', ['userId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  ideaId: string | null;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'notifications_idea_id_fkey' })
  idea?: Idea;

  /** What changed, e.g. { "from": "NEW", "to": "PLANNED" } or { "mergedIntoId": "…" }. */
  @Column({ type: 'jsonb' })
  data: Record<string, string | null>;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notifications_actor_id_fkey' })
  actor?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
