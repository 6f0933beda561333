import { CHARTER_RULES, CharterRule } from '@parvis/domain';
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
import { Post } from '../threads/post.entity';
import { sqlInList } from '../common/sql-check';

export const FLAG_RESOLUTIONS = ['HIDDEN', 'DISMISSED'] as const;
export type FlagResolution = (typeof FLAG_RESOLUTIONS)[number];

/**
 * A member telling moderators that a post breaks a charter rule. One open flag per member per
 * post (a partial unique index); a flag is resolved (the post hidden, or the flags dismissed),
 * never deleted.
 */
@Entity('flags')
@Check('flags_reason_check', sqlInList('reason', CHARTER_RULES))
@Check(
  'flags_resolution_check',
  `(resolved_at IS NULL) = (resolution IS NULL) AND (resolved_at IS NULL) = (resolved_by_id IS NULL)`,
)
@Check('flags_resolution_value_check', sqlInList('resolution', FLAG_RESOLUTIONS, true))
@Index('flags_one_open_per_member_key', ['postId', 'memberId'], {
  unique: true,
  where: 'resolved_at IS NULL',
})
@Index('flags_open_created_idx', ['createdAt'], { where: 'resolved_at IS NULL' })
@Index('flags_member_id_idx', ['memberId'])
export class Flag {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'flags_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'flags_post_id_fkey' })
  post?: Post;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'flags_member_id_fkey' })
  member?: User;

  @Column({ type: 'varchar', length: 20 })
  reason: CharterRule;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'flags_resolved_by_id_fkey' })
  resolvedBy?: User;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: FlagResolution | null;
}
