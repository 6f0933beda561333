import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../identity/user.entity';
import { Post } from '../threads/post.entity';
import { Thread } from '../threads/thread.entity';

/**
 * A note the brand's people write on a thread (an idea is a thread too), or on one of its posts,
 * that only staff, moderators and the experts invited to the thread read. Never indexed for search,
 * never in a notice's text; never deleted: an edit keeps the previous version as a revision.
 */
@Entity('internal_notes')
@Index('internal_notes_thread_idx', ['threadId', 'createdAt', 'id'])
export class InternalNote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'internal_notes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'internal_notes_thread_id_fkey' })
  thread?: Thread;

  /** The post the note is about, when it is about one post rather than the whole thread. */
  @Column({ type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'internal_notes_post_id_fkey' })
  post?: Post;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'internal_notes_author_id_fkey' })
  author?: User;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  /** Sanitized like posts' HTML (common/markdown). */
  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** An earlier version of a note, kept at each edit. */
@Entity('internal_note_revisions')
@Index('internal_note_revisions_note_idx', ['noteId', 'createdAt'])
export class InternalNoteRevision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'internal_note_revisions_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  noteId: string;

  @ManyToOne(() => InternalNote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'note_id', foreignKeyConstraintName: 'internal_note_revisions_note_id_fkey' })
  note?: InternalNote;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  /** When this version was written (the note's creation or its previous edit). */
  @Column({ type: 'timestamptz', precision: 3 })
  writtenAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** An expert invited to read and write a thread's notes (staff and moderators always may). */
@Entity('note_readers')
export class NoteReader {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'note_readers_pkey' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'note_readers_thread_id_fkey' })
  thread?: Thread;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'note_readers_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'note_readers_user_id_fkey' })
  user?: User;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'note_readers_invited_by_id_fkey' })
  invitedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
