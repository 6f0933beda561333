import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Thread } from '../threads/thread.entity';

/**
 * What search ranks: one document per thread, kept by triggers (migrations SearchDocumentsIdeaCounts
 * and SearchReplyChunks), never written by the API. `head` is the title (weight A) and the question
 * (B): what `similar` matches. `document` adds the accepted answer (B); the first visible replies (D)
 * are in `ThreadSearchReplyChunk` rows, so that a reply does not rewrite this row. Hidden posts are
 * left out of all of them, and a thread whose question is hidden has both empty and no reply chunk,
 * so whatever reads them needs no visibility rule of its own. Private follow-ups live in their own
 * tables and are never indexed.
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

  // GIN indexes created by the migration (TypeORM cannot).
  @Column({ type: 'tsvector', default: () => `''` })
  @Index('thread_search_documents_head_idx', { synchronize: false })
  head: string;

  @Column({ type: 'tsvector', default: () => `''` })
  @Index('thread_search_documents_document_idx', { synchronize: false })
  document: string;
}
