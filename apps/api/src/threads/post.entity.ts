import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../identity/user.entity';
import { Thread } from './thread.entity';

/**
 * A message in a thread: the question (the first post) or a reply. `bodyMarkdown` is what the
 * author wrote; `bodyHtml` is its sanitized rendering and `bodyText` its plain text (for search
 * and snippets), both derived on the server at every write.
 */
@Entity('posts')
@Check('posts_thanks_count_check', `thanks_count >= 0`)
@Index('posts_thread_created_idx', ['threadId', 'createdAt', 'id'])
@Index('posts_author_id_idx', ['authorId'])
// One question per thread, enforced by the database.
@Index('posts_one_question_per_thread_key', ['threadId'], { unique: true, where: 'is_question' })
export class Post {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'posts_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'posts_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'posts_author_id_fkey' })
  author?: User;

  @Column({ type: 'boolean', default: false })
  isQuestion: boolean;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'text' })
  bodyText: string;

  /** Written by the brand's staff (or a moderator or admin), as their role was when posting. */
  @Column({ type: 'boolean', default: false })
  isOfficial: boolean;

  @Column({ type: 'integer', default: 0 })
  thanksCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /**
   * Full-text search document of its plain text, in the thread's language, accent-insensitive. Kept up to
   * date by a trigger (migration AddSearch); its GIN index is created there too (TypeORM cannot).
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  @Index('posts_search_vector_idx', { synchronize: false })
  searchVector?: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
