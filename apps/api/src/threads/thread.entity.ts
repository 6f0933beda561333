import { LANGUAGES, Language, THREAD_STATUSES, ThreadStatus } from '@parvis/domain';
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
import { Post } from './post.entity';
import { sqlInList } from '../common/sql-check';

/**
 * A conversation in a space. Its question (or, in an IDEAS space, the idea's body) is its
 * first post, so it has revisions, thanks and sanitized HTML like every reply. Timestamps
 * the lists sort on are kept to the millisecond so that cursors round-trip through JavaScript.
 */
@Entity('threads')
@Check('threads_language_check', sqlInList('language', LANGUAGES))
@Check('threads_status_check', sqlInList('status', THREAD_STATUSES))
@Check('threads_answered_has_answer_check', `status <> 'ANSWERED' OR accepted_answer_id IS NOT NULL`)
@Check('threads_lock_reason_check', `locked OR lock_reason IS NULL`)
// Who resolved a thread is known only while it is resolved (cleared when it is reopened).
@Check('threads_resolved_by_check', `status = 'RESOLVED' OR resolved_by_id IS NULL`)
@Check('threads_replies_count_check', `replies_count >= 0`)
@Index('threads_space_activity_idx', ['spaceId', 'pinned', 'lastActivityAt', 'id'])
@Index('threads_space_created_idx', ['spaceId', 'createdAt', 'id'])
@Index('threads_author_id_idx', ['authorId'])
@Index('threads_assignee_id_idx', ['assigneeId'], { where: 'assignee_id IS NOT NULL' })
// The staff report reads questions by when they were asked and answered.
@Index('threads_created_idx', ['createdAt'])
@Index('threads_answered_idx', ['answeredAt'], { where: 'answered_at IS NOT NULL' })
export class Thread {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'threads_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => Space, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'threads_space_id_fkey' })
  space?: Space;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'threads_author_id_fkey' })
  author?: User;

  @Column({ type: 'varchar', length: 150 })
  title: string;

  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: ThreadStatus;

  /** Set by moderators (lockThread); a locked thread accepts no reply. */
  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Column({ type: 'text', nullable: true })
  lockReason: string | null;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'uuid', nullable: true })
  acceptedAnswerId: string | null;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accepted_answer_id', foreignKeyConstraintName: 'threads_accepted_answer_id_fkey' })
  acceptedAnswer?: Post;

  /** Who accepted the answer: the asker, or an expert or moderator marking it. */
  @Column({ type: 'uuid', nullable: true })
  acceptedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accepted_by_id', foreignKeyConstraintName: 'threads_accepted_by_id_fkey' })
  acceptedBy?: User;

  /** Answer clocks: set for threads of HELP spaces only, from the space's durations. */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answerDueAt: Date | null;

  /** The first reply by an expert or the brand's staff (not the asker's own). */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /**
   * Who acknowledged the thread for the brand: the first expert or staff reply, or the person it
   * was assigned to (desk/), whichever came first; shown to readers ("Sarah is on it").
   */
  @Column({ type: 'uuid', nullable: true })
  firstResponseById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'first_response_by_id', foreignKeyConstraintName: 'threads_first_response_by_id_fkey' })
  firstResponseBy?: User;

  /**
   * The staff member or expert the thread is assigned to (desk/ writes it, with its internal
   * history); internal: only staff and moderators are shown it.
   */
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'threads_assignee_id_fkey' })
  assignee?: User;

  /** When an answer was first accepted or marked. */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /**
   * Who resolved it: set when it is resolved, cleared when it is reopened. The asker may close
   * their own question; anyone else must first answer every complaint in it (the trigger
   * `threads_resolve_answered_complaints`, which a resolve without a resolver does not pass either).
   */
  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'threads_resolved_by_id_fkey' })
  resolvedBy?: User;

  /** Replies, the question not counted. */
  @Column({ type: 'integer', default: 0 })
  repliesCount: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt: Date;

  /**
   * Full-text search document of its title, in the thread's language, accent-insensitive. Kept up to
   * date by a trigger (migration AddSearch). Not indexed (DropPostSearchIndexes): search matches the
   * per-thread documents built from it (thread_search_documents), which are.
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
