import { CHARTER_RULES, CharterRule } from '@parvis/domain';
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
import { Post } from './post.entity';
import { sqlInList } from '../common/sql-check';

/**
 * An earlier version of a post, kept when the post is edited (DESIGN.md §1: every edit keeps
 * the earlier version readable). `writtenAt` is when that version was posted or last edited;
 * `createdAt` is when it was replaced.
 */
@Entity('post_revisions')
@Index('post_revisions_post_created_idx', ['postId', 'createdAt'])
@Check('post_revisions_hidden_check', `(hidden_at IS NULL) = (hidden_reason IS NULL)`)
@Check('post_revisions_hidden_reason_check', sqlInList('hidden_reason', CHARTER_RULES, true))
export class PostRevision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'post_revisions_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'post_revisions_post_id_fkey' })
  post?: Post;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'timestamptz' })
  writtenAt: Date;

  /** Who replaced this version (the post's author). */
  @Column({ type: 'uuid' })
  editorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'post_revisions_editor_id_fkey' })
  editor?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /**
   * Hidden with its post: a version written while the post was hidden, or kept when a
   * moderator hid the post, stays hidden after a restore, which only brings back the current text.
   * Readers who may not read it (`canReadPost`) do not get it among the revisions.
   */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  hiddenReason: CharterRule | null;
}
