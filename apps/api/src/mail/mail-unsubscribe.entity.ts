import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person off a mailing list ("notifications", or a narrower one): enqueue skips their mails of that list. */
@Entity('mail_unsubscribes')
@Unique('mail_unsubscribes_user_id_list_key', ['userId', 'list'])
export class MailUnsubscribe {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mail_unsubscribes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  list: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
