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
import { Thread } from './thread.entity';

/**
 * A confidential case moved out of a public thread (DESIGN.md §1, banking-type cases): only the
 * asker and the brand's staff read it. The public thread stays, with a notice naming the agent.
 * One per thread: starting it again opens the same conversation.
 */
@Entity('private_follow_ups')
@Unique('private_follow_ups_thread_id_key', ['threadId'])
@Index('private_follow_ups_asker_id_idx', ['askerId'])
export class PrivateFollowUp {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'private_follow_ups_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'private_follow_ups_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'uuid' })
  askerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asker_id', foreignKeyConstraintName: 'private_follow_ups_asker_id_fkey' })
  asker?: User;

  /** The staff member who started it, named in the public notice. */
  @Column({ type: 'uuid' })
  agentId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'private_follow_ups_agent_id_fkey' })
  agent?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A message of a private follow-up, from the asker or staff. */
@Entity('private_messages')
@Index('private_messages_follow_up_created_idx', ['followUpId', 'createdAt'])
export class PrivateMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'private_messages_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  followUpId: string;

  @ManyToOne(() => PrivateFollowUp, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'private_messages_follow_up_id_fkey' })
  followUp?: PrivateFollowUp;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'private_messages_author_id_fkey' })
  author?: User;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
