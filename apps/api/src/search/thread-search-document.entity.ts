import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Thread } from '../threads/thread.entity';

/**
 * What search ranks: one document per thread, kept by triggers (migration ThreadSearchDocuments),
 * never written by the API. `head` is the title (weight A) and the question (B): what `similar`
 * matches. `document` adds the accepted answer (B) and the first visible replies (D). Hidden posts
 * are left out of both, and a thread whose question is hidden has both empty, so whatever reads
 * them needs no visibility rule of its own. Private follow-ups live in their own tables and are
 * never indexed.
 */
@Entity('thread_search_documents')
export class ThreadSearchDocument {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_search_documents_pkey' })
  threadId: string;

  @OneToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_search_documents_thread_id_fkey' })
  thread?: Thread;

  /**
   * The thread's creation time: the cheap order that bounds the candidates of a query matching
   * many threads before the expensive ranking (the newest matches are ranked, not all of them).
   */
  @Column({ type: 'timestamptz', precision: 3 })
  threadCreatedAt: Date;

  /** How many replies `document` holds (it stops growing at a bound, see the migration). */
  @Column({ type: 'integer', default: 0 })
  repliesIndexed: number;

  // GIN indexes created by the migration (TypeORM cannot).
  @Column({ type: 'tsvector', default: () => `''` })
  @Index('thread_search_documents_head_idx', { synchronize: false })
  head: string;

  @Column({ type: 'tsvector', default: () => `''` })
  @Index('thread_search_documents_document_idx', { synchronize: false })
  document: string;
}
