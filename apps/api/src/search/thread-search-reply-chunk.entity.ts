import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Thread } from '../threads/thread.entity';

/**
 * A thread's first visible replies, as search sees them: their vectors (weight D) in rows of a
 * few replies each, kept by triggers (migration SearchReplyChunks), never written by the API. A
 * new reply is appended to its thread's last chunk, so a reply rewrites and re-indexes a few
 * replies' words, not the thread's whole document. Same rules as `ThreadSearchDocument`: hidden
 * replies are never in a chunk, and a thread whose question is hidden has none.
 */
@Entity('thread_search_replies')
export class ThreadSearchReplyChunk {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_search_replies_pkey' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_search_replies_thread_id_fkey' })
  thread?: Thread;

  /** 0 for the thread's first replies, then 1, 2…: the replies' order in the thread. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'thread_search_replies_pkey' })
  chunk: number;

  /** The thread's, as in `ThreadSearchDocument`: the newest matches are ranked first. */
  @Column({ type: 'timestamptz', precision: 3 })
  threadCreatedAt: Date;

  /** How many replies `vector` holds. */
  @Column({ type: 'smallint' })
  replies: number;

  // GIN index created by the migration (TypeORM cannot).
  @Column({ type: 'tsvector', default: () => `''` })
  @Index('thread_search_replies_vector_idx', { synchronize: false })
  vector: string;
}
