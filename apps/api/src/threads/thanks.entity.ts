import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../identity/user.entity';
import { Post } from './post.entity';

/**
 * A member thanking a post, once. Taking the thanks back sets `withdrawnAt` (nothing is
 * deleted); thanking again clears it. `posts.thanks_count` counts the rows not withdrawn.
 */
@Entity('thanks')
@Unique('thanks_post_id_user_id_key', ['postId', 'userId'])
@Index('thanks_user_id_idx', ['userId'])
@Index('thanks_created_idx', ['createdAt'])
export class Thanks {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'thanks_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'thanks_post_id_fkey' })
  post?: Post;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'thanks_user_id_fkey' })
  user?: User;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
