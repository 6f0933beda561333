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
import { Space } from '../spaces/space.entity';

/**
 * The brand asks the community a question for a limited time (Vitamin Water's next flavour):
 * ideas are proposed into the campaign, members vote while it is open, optionally within a
 * budget of votes each, and the ranking is final once it closes.
 */
@Entity('campaigns')
@Check('campaigns_closes_after_opens_check', `closes_at > opens_at`)
@Check('campaigns_votes_per_member_check', `votes_per_member IS NULL OR votes_per_member > 0`)
@Index('campaigns_space_closes_idx', ['spaceId', 'closesAt'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaigns_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => Space, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'campaigns_space_id_fkey' })
  space?: Space;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'timestamptz', precision: 3 })
  opensAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  /** How many ideas of this campaign one member may vote for; null: as many as they like. */
  @Column({ type: 'integer', nullable: true })
  votesPerMember: number | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'campaigns_created_by_id_fkey' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
