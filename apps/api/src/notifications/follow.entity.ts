import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { sqlInList } from '../common/sql-check';

/** What can be followed: a thread (its replies) or an idea (its status, its comments). */
export const FOLLOW_SUBJECT_TYPES = ['THREAD', 'IDEA'] as const;
export type FollowSubjectType = (typeof FOLLOW_SUBJECT_TYPES)[number];

/**
 * Someone following a thread or an idea, or having stopped to. Members follow the threads they
 * post in automatically; the row of an explicit unfollow stays (`following = false`), so posting
 * again does not follow them back against their choice. A notice to a subject's followers finds
 * them by the subject (follows_subject_idx), not by reading every follow.
 */
@Entity('follows')
@Index('follows_subject_idx', ['subjectType', 'subjectId', 'userId'], { where: 'following' })
@Unique('follows_user_subject_key', ['userId', 'subjectType', 'subjectId'])
@Check('follows_subject_type_check', sqlInList('subject_type', FOLLOW_SUBJECT_TYPES))
export class Follow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'follows_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'follows_user_id_fkey' })
  user?: unknown;

  @Column({ type: 'varchar', length: 20 })
  subjectType: FollowSubjectType;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'boolean', default: true })
  following: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
