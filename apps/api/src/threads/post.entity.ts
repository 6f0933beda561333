import { CHARTER_RULES, CharterRule, Tone, TONES } from '@parvis/domain';
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
import { Thread } from './thread.entity';
import { sqlInList } from '../common/sql-check';

/**
 * A message in a thread: the question (the first post) or a reply. `bodyMarkdown` is what the
 * author wrote; `bodyHtml` is its sanitized rendering and `bodyText` its plain text (for search
 * and snippets), both derived on the server at every write.
 */
@Entity('posts')
@Check('posts_thanks_count_check', `thanks_count >= 0`)
@Index('posts_thread_created_idx', ['threadId', 'createdAt', 'id'])
@Index('posts_author_id_idx', ['authorId'])
// The staff report counts posts by the day they were written (replies, negative posts): the
// columns it reads are in the indexes, so that a range is read from them alone (index-only scans),
// not from posts scattered over the whole table.
@Index('posts_created_idx', ['createdAt', 'threadId', 'authorId', 'isQuestion'])
@Index('posts_negative_created_idx', ['createdAt', 'threadId', 'answeredAt'], { where: `tone = 'NEGATIVE'` })
// One question per thread, enforced by the database.
@Index('posts_one_question_per_thread_key', ['threadId'], { unique: true, where: 'is_question' })
// Moderation: a hidden post always says who hid it and under which charter rule.
@Check(
  'posts_hidden_check',
  `(hidden_at IS NULL) = (hidden_by_id IS NULL) AND (hidden_at IS NULL) = (hidden_reason IS NULL)`,
)
@Check('posts_hidden_reason_check', sqlInList('hidden_reason', CHARTER_RULES, true))
@Check(
  'posts_answered_check',
  `(answered_by_post_id IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (answered_marked_by_id IS NULL) AND answered_by_post_id IS DISTINCT FROM id`,
)
@Check('posts_tone_check', `(tone IS NULL) = (tone_score IS NULL) AND (${sqlInList('tone', TONES, true)})`)
@Index('posts_negative_unanswered_idx', ['createdAt'], {
  where: `tone = 'NEGATIVE' AND answered_by_post_id IS NULL AND hidden_at IS NULL`,
})
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

  /** Written with the post, read only by the database (search's documents, snippets): not loaded. */
  @Column({ type: 'text', select: false })
  bodyText: string;

  /** Written by the brand's staff (or a moderator or admin), as their role was when posting. */
  @Column({ type: 'boolean', default: false })
  isOfficial: boolean;

  @Column({ type: 'integer', default: 0 })
  thanksCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  // ─── Moderation (written by apps/api/src/moderation) ────────────────────────────────────

  /** Hidden by a moderator for a charter breach: never deleted; visitors see a public notice instead. */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hidden_by_id', foreignKeyConstraintName: 'posts_hidden_by_id_fkey' })
  hiddenBy?: User;

  @Column({ type: 'varchar', length: 20, nullable: true })
  hiddenReason: CharterRule | null;

  /** The moderator's explanation shown with the notice, if any. */
  @Column({ type: 'text', nullable: true })
  hiddenNote: string | null;

  /** Marked answered by this reply (typically a negative post answered by the brand). */
  @Column({ type: 'uuid', nullable: true })
  answeredByPostId: string | null;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by_post_id', foreignKeyConstraintName: 'posts_answered_by_post_id_fkey' })
  answeredByPost?: Post;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredMarkedById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_marked_by_id', foreignKeyConstraintName: 'posts_answered_marked_by_id_fkey' })
  answeredMarkedBy?: User;

  /** Tone of the text (libs/shared/domain tone.ts), computed at every write; null until scored. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  tone: Tone | null;

  @Column({ type: 'real', nullable: true })
  toneScore: number | null;

  /**
   * Full-text search document of its plain text, in the thread's language, accent-insensitive. Kept up to
   * date by a trigger (migration AddSearch). Not indexed (DropPostSearchIndexes): search matches the
   * per-thread documents built from it (thread_search_documents), which are.
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
