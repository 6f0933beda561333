import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { sqlInList } from '../common/sql-check';

export const OUTBOX_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One e-mail to send, written in the transaction of the event that causes it (so it exists if and
 * only if the event committed). The idempotency key names the event ("password-reset:<token id>"):
 * writing the same key twice is one row, so one mail. The worker sends it and marks it SENT in
 * one transaction that holds the row's lock for the duration of the send.
 */
@Entity('mail_outbox')
@Unique('mail_outbox_idempotency_key_key', ['idempotencyKey'])
@Check('mail_outbox_status_check', sqlInList('status', OUTBOX_STATUSES))
@Index('mail_outbox_recipient_user_id_idx', ['recipientUserId'])
export class MailOutbox {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mail_outbox_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** Which template renders it (mail-templates.ts). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** The account it is for, when it is for one (unsubscribe links are bound to it). */
  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 2 })
  locale: string;

  /** The template's parameters that may be read by whoever reads the database. */
  @Column({ type: 'jsonb', default: {} })
  params: Record<string, unknown>;

  /** Parameters that must not be (a password-reset token): encrypted with a key derived from SESSION_SECRET. */
  @Column({ type: 'text', nullable: true })
  sealedParams: string | null;

  /** For notification mails: the list an unsubscribe link takes the recipient off; null for account mails. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  unsubscribeList: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: OutboxStatus;

  /** Sends tried (including the one that succeeded). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
