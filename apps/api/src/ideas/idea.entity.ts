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
  Unique,
} from 'typeorm';
import { Thread } from '../threads/thread.entity';
import { Campaign } from './campaign.entity';
import { sqlInList } from '../common/sql-check';

/**
 * An idea IS a discussion thread of an IDEAS space: its title is the thread's title, its body
 * the thread's first post, its comments the replies. This row holds what only ideas have.
 * `votesCount` is kept by the database itself (trigger on idea_votes), never by the service.
 */
@Entity('ideas')
@Unique('ideas_thread_id_key', ['threadId'])
@Check('ideas_status_check', sqlInList('status', IDEA_STATUSES))
@Check('ideas_votes_count_check', `votes_count >= 0`)
@Check('ideas_merged_has_target_check', `(status = 'MERGED') = (merged_into_id IS NOT NULL)`)
@Check('ideas_not_merged_into_itself_check', `merged_into_id <> id`)
@Index('ideas_created_idx', ['createdAt', 'id'])
@Index('ideas_votes_idx', ['votesCount', 'createdAt', 'id'])
@Index('ideas_status_idx', ['status'])
@Index('ideas_campaign_id_idx', ['campaignId'])
@Index('ideas_merged_into_id_idx', ['mergedIntoId'])
export class Idea {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ideas_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'ideas_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 16, default: 'NEW' })
  status: IdeaStatus;

  @Column({ type: 'integer', default: 0 })
  votesCount: number;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'ideas_campaign_id_fkey' })
  campaign?: Campaign;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'ideas_merged_into_id_fkey' })
  mergedInto?: Idea;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastVoteAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
