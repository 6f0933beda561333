import { IDEA_STATUSES, IdeaStatus } from '@parvis/domain';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlInList } from '../common/sql-check';

/**
 * How many ideas each (space, campaign, status) holds, kept exact by triggers on ideas and threads
 * (migration IdeaCounts), never by the service: the board's `totalCount` sums a few of these rows
 * instead of counting the ideas.
 */
@Entity('idea_counts')
@Check('idea_counts_ideas_check', `ideas >= 0`)
@Check('idea_counts_status_check', sqlInList('status', IDEA_STATUSES))
// Unique on (space_id, status, campaign_id) NULLS NOT DISTINCT (no campaign is one key), created by the
// migration (TypeORM cannot).
@Index('idea_counts_key', { synchronize: false })
export class IdeaCount {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_counts_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  spaceId: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: IdeaStatus;

  @Column({ type: 'integer', default: 0 })
  ideas: number;
}
