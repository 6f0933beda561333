import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

/**
 * A photo a member added to what they write. The files (the re-encoded image and its thumbnail)
 * are in the store (local folder or S3); the row says whose it is and where it belongs. It is
 * never deleted (trigger `uploads_never_delete`): a photo of a hidden post stays, hidden with it.
 *
 * An upload belongs to nothing until its uploader publishes a post (or a private message) whose
 * Markdown names its URL: the trigger `posts_attach_uploads` (and `private_messages_attach_uploads`)
 * then ties it to that first post for good, and it is read exactly by those who may read that post.
 */
@Entity('uploads')
@Check('uploads_one_home_check', `post_id IS NULL OR private_message_id IS NULL`)
@Index('uploads_uploader_id_idx', ['uploaderId'])
export class Upload {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'uploads_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  uploaderId: string;

  // By name, like the moderation log: the uploads room imports no other room's entity.
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploader_id', foreignKeyConstraintName: 'uploads_uploader_id_fkey' })
  uploader?: unknown;

  /** The stored image's type (always what Parvis re-encoded it to). */
  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  byteSize: number;

  @Column({ type: 'integer' })
  thumbnailWidth: number;

  @Column({ type: 'integer' })
  thumbnailHeight: number;

  @Column({ type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne('Post', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'uploads_post_id_fkey' })
  post?: unknown;

  @Column({ type: 'uuid', nullable: true })
  privateMessageId: string | null;

  @ManyToOne('PrivateMessage', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'private_message_id', foreignKeyConstraintName: 'uploads_private_message_id_fkey' })
  privateMessage?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
