import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { sqlInList } from '../common/sql-check';
import { User } from './user.entity';

export const ACCOUNT_TOKEN_PURPOSES = ['EMAIL_CONFIRM', 'EMAIL_CHANGE', 'PASSWORD_RESET'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A link sent by e-mail (confirm an address, reset a password): single-use and expiring. Only the
 * token's SHA-256 is kept, so a copy of this table opens nothing; the mail carrying the token keeps
 * it encrypted until it is sent.
 */
@Entity('account_tokens')
@Unique('account_tokens_token_hash_key', ['tokenHash'])
@Check('account_tokens_purpose_check', sqlInList('purpose', ACCOUNT_TOKEN_PURPOSES))
@Index('account_tokens_user_id_idx', ['userId'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_tokens_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_tokens_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** The address the link confirms (the account's, or the new one for a change); null for a reset. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
