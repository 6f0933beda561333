import {
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

/**
 * One member's vote for one idea. Vote history is never deleted (the database refuses it):
 * unvoting marks the row withdrawn, and voting again adds a new row. At most one ACTIVE vote
 * per member per idea, enforced by a partial unique index. Triggers (see the migration) keep
 * ideas.votes_count equal to the active rows and refuse votes on closed ideas, outside an
 * open campaign, or beyond a campaign's budget, so no service bug or race can get around them.
 */
@Entity('idea_votes')
@Index('idea_votes_one_active_per_member_key', ['ideaId', 'userId'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
@Index('idea_votes_idea_created_idx', ['ideaId', 'createdAt'], { where: 'withdrawn_at IS NULL' })
@Index('idea_votes_user_id_idx', ['userId'])
// The staff report's top and trending ideas count a range's votes per idea from this index alone.
@Index('idea_votes_created_idx', ['createdAt', 'ideaId'], { where: 'withdrawn_at IS NULL' })
export class IdeaVote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_votes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_votes_idea_id_fkey' })
  idea?: Idea;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'idea_votes_user_id_fkey' })
  user?: User;

  /** When the member voted (a vote moved by a merge keeps the time it was first cast). */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  withdrawnAt: Date | null;

  /** Set when this vote was moved here from a duplicate merged into this idea. */
  @Column({ type: 'uuid', nullable: true })
  movedFromIdeaId: string | null;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'moved_from_idea_id', foreignKeyConstraintName: 'idea_votes_moved_from_idea_id_fkey' })
  movedFromIdea?: Idea;
}
