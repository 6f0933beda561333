import { IDEA_STATUSES, IdeaStatus } from '@parvis/domain';
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
import { Idea } from './idea.entity';
import { sqlInList } from '../common/sql-check';

/**
 * The public history of an idea's status: every change (from, to, official response, who,
 * when), merges included (to MERGED, with the target and how many votes moved). Never
 * updated or deleted; the moderation log reads merges from here.
 */
@Entity('idea_status_changes')
@Check('idea_status_changes_from_status_check', sqlInList('from_status', IDEA_STATUSES))
@Check('idea_status_changes_to_status_check', sqlInList('to_status', IDEA_STATUSES))
@Check('idea_status_changes_merge_check', `(to_status = 'MERGED') = (merged_into_id IS NOT NULL)`)
@Index('idea_status_changes_idea_created_idx', ['ideaId', 'createdAt'])
@Index('idea_status_changes_created_idx', ['createdAt'])
export class IdeaStatusChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_status_changes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_status_changes_idea_id_fkey' })
  idea?: Idea;

  @Column({ type: 'varchar', length: 16 })
  fromStatus: IdeaStatus;

  @Column({ type: 'varchar', length: 16 })
  toStatus: IdeaStatus;

  /** The official response, as written (Markdown) and as shown (sanitized HTML). */
  @Column({ type: 'text', nullable: true })
  responseMarkdown: string | null;

  @Column({ type: 'text', nullable: true })
  responseHtml: string | null;

  @Column({ type: 'uuid' })
  changedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by_id', foreignKeyConstraintName: 'idea_status_changes_changed_by_id_fkey' })
  changedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'idea_status_changes_merged_into_id_fkey' })
  mergedInto?: Idea;

  /** For a merge: how many votes moved to the target (voters of both were counted once). */
  @Column({ type: 'integer', nullable: true })
  votesMoved: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
