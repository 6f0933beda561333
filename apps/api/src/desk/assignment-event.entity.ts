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
import { User } from '../identity/user.entity';
import { Thread } from '../threads/thread.entity';

/** What happened to a thread's assignment: given by someone, taken, handed over, released. */
export const ASSIGNMENT_KINDS = ['ASSIGNED', 'TAKEN', 'HANDED_OVER', 'RELEASED'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/**
 * The internal history of a thread's assignments (who, to whom, when), append-only: the current
 * assignee is also on the thread row (threads.assignee_id) for the queue. Never in the public
 * moderation log; reports compute workloads and times to acknowledgement from it.
 */
@Entity('assignment_events')
@Check('assignment_events_kind_check', sqlInList('kind', ASSIGNMENT_KINDS))
@Check('assignment_events_assignee_check', `(kind = 'RELEASED') = (assignee_id IS NULL)`)
@Index('assignment_events_thread_idx', ['threadId', 'createdAt', 'id'])
@Index('assignment_events_assignee_idx', ['assigneeId', 'createdAt'])
export class AssignmentEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assignment_events_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'assignment_events_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 16 })
  kind: AssignmentKind;

  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'assignment_events_actor_id_fkey' })
  actor?: User;

  /** Who has the thread after the event; null once released. */
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'assignment_events_assignee_id_fkey' })
  assignee?: User;

  /** Who had it before; null when nobody did. */
  @Column({ type: 'uuid', nullable: true })
  previousAssigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'previous_assignee_id',
    foreignKeyConstraintName: 'assignment_events_previous_assignee_id_fkey',
  })
  previousAssignee?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
