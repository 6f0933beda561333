import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One person writing a question in a help space, as the new-question form saw it: whether similar
 * answered questions were shown while they typed the title, whether they opened one, and whether
 * they posted after all. The deflection figures of the report ("the community answered before
 * anyone asked") are counted from these rows. The id is the form's, so that the events of one
 * attempt (sent by the browser as they happen) land on one row whatever order they arrive in.
 */
@Entity('ask_attempts')
@Index('ask_attempts_started_idx', ['startedAt'])
export class AskAttempt {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'ask_attempts_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne('Space', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'ask_attempts_space_id_fkey' })
  space?: unknown;

  /** Null for a visitor who has not signed in yet. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'ask_attempts_user_id_fkey' })
  user?: unknown;

  /** The reader's language when asking (the interface's), for the per-language report. */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  suggestionsShownAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  suggestionOpenedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  postedThreadId: string | null;

  @ManyToOne('Thread', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posted_thread_id', foreignKeyConstraintName: 'ask_attempts_posted_thread_id_fkey' })
  postedThread?: unknown;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  postedAt: Date | null;
}
