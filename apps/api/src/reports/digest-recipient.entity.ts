import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/**
 * Someone who receives the daily executive digest: an executive need not be a member, so this
 * is an address with a name, a language and a time zone (the digest arrives at the set hour of
 * theirs). Admins add and pause recipients; a paused one keeps its row (`active = false`), so the
 * list says who received what and since when.
 */
@Entity('digest_recipients')
@Unique('digest_recipients_email_key', ['email'])
@Check('digest_recipients_language_check', `language IN ('fr', 'en', 'es')`)
export class DigestRecipient {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'digest_recipients_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  /** An IANA time zone ("Europe/Paris"), checked when it is set. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid' })
  addedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_by_id', foreignKeyConstraintName: 'digest_recipients_added_by_id_fkey' })
  addedBy?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
