import {
  CHARTER_RULES,
  CharterRule,
  MODERATION_ACTIONS,
  MODERATION_TARGETS,
  ModerationActionName,
  ModerationTarget,
} from '@parvis/domain';
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
 * Facts about an action shown in the log (statuses, spaces, roles, a banner's title): never a
 * post's text, nor a thread's title (part of its question, which may be hidden later; the log
 * resolves it when read: ModerationActionResolver.title).
 */
export type ModerationDetails = Record<string, string | number | null>;

/**
 * One entry of the public moderation log: who did what, to which target, under which rule, when.
 * Append-only: a trigger (migration AddModeration) refuses UPDATE and DELETE, and every entry is
 * written in the same transaction as the change it records (ModerationLogService.record).
 */
@Entity('moderation_actions')
@Check('moderation_actions_action_check', sqlInList('action', MODERATION_ACTIONS))
@Check('moderation_actions_target_type_check', sqlInList('target_type', MODERATION_TARGETS))
@Check('moderation_actions_rule_check', sqlInList('rule', CHARTER_RULES, true))
@Index('moderation_actions_created_idx', ['createdAt', 'id'])
@Index('moderation_actions_target_idx', ['targetId', 'createdAt'])
@Index('moderation_actions_actor_id_idx', ['actorId'])
export class ModerationAction {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'moderation_actions_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  action: ModerationActionName;

  @Column({ type: 'uuid' })
  actorId: string;

  /**
   * The foreign key to users, with the entity named rather than imported: identity writes to the
   * log (role changes), so the log may not import identity back. Never loaded: `actorId` is used.
   */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'moderation_actions_actor_id_fkey' })
  actor?: never;

  @Column({ type: 'varchar', length: 16 })
  targetType: ModerationTarget;

  @Column({ type: 'uuid' })
  targetId: string;

  /** The charter rule, for hides (and flag dismissals: none). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  rule: CharterRule | null;

  /** A free-text reason: a lock reason, a hide note, an idea's official response summary. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  details: ModerationDetails;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
