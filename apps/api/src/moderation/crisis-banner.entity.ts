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
import { Thread } from '../threads/thread.entity';

/**
 * An official statement shown at the top of every page during a crisis, with a link to the
 * pinned thread where the discussion happens. Taken down, never deleted; at most one is active,
 * enforced by a partial unique index on a constant (written by hand in migration AddModeration:
 * TypeORM cannot express it).
 */
@Entity('crisis_banners')
@Check('crisis_banners_taken_down_check', `(taken_down_at IS NULL) = (taken_down_by_id IS NULL)`)
export class CrisisBanner {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'crisis_banners_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'uuid', nullable: true })
  threadId: string | null;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'crisis_banners_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'uuid' })
  publishedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id', foreignKeyConstraintName: 'crisis_banners_published_by_id_fkey' })
  publishedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  publishedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Index('crisis_banners_one_active_key', { synchronize: false })
  takenDownAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  takenDownById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'taken_down_by_id', foreignKeyConstraintName: 'crisis_banners_taken_down_by_id_fkey' })
  takenDownBy?: User;
}
