import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The built-in mail catcher: without SMTP_URL, a mail is "delivered" here (in the transaction that
 * marks it sent), and staff read it at /staff/mail. It holds what a real inbox would.
 */
@Entity('caught_mails')
@Unique('caught_mails_outbox_id_key', ['outboxId'])
@Index('caught_mails_caught_at_idx', ['caughtAt'])
export class CaughtMail {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'caught_mails_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'text' })
  fromHeader: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'jsonb', default: {} })
  headers: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  caughtAt: Date;
}
