import { ROLES, Role } from '@parvis/domain';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { sqlInList } from '../common/sql-check';

@Entity('users')
@Unique('users_email_key', ['email'])
@Check('users_email_lowercase_check', `email = lower(email)`)
@Check('users_role_check', sqlInList('role', ROLES))
@Check('users_reputation_check', `reputation >= 0`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id: string;

  /** Stored trimmed and lower-cased: one account per address, whatever the case typed. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 40 })
  displayName: string;

  /** argon2id, in the PHC string format (algorithm, parameters and salt included). */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: 'MEMBER' })
  role: Role;

  @Column({ type: 'integer', default: 0 })
  reputation: number;

  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /**
   * When the owner followed the confirmation link sent to `email`; null until then. An account
   * that has not confirmed reads and posts, but is sent no notification e-mails.
   */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  /**
   * When the account was closed (by its owner, or by an admin on their request): the person is
   * erased (name, e-mail, password, profile), the row stays as the author of what they wrote,
   * which stays too, signed "Former member" (translated by the web app from this mark).
   */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
