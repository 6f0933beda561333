import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from '@parvis/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { badInput, conflict, unauthenticated } from '../common/domain-error';
import { isUniqueViolation } from '../common/postgres-errors';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireSignedIn, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import {
  ChangeEmailInput,
  ConfirmEmailInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from './account.inputs';
import { PASSWORD_MESSAGES, passwordReason } from './password-messages';
import { IssuedSession, RequestMeta, SessionsService } from './sessions.service';
import { User } from './user.entity';

const LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: 60,
  EMAIL_CHANGE: 24 * 60,
  EMAIL_CONFIRM: 7 * 24 * 60,
};

const LINK_DEAD = 'This link has expired or was already used. Ask for a new one.';

export interface MailRecipient {
  address: string;
  userId: string;
  locale: string | null;
}

/**
 * What an account does by e-mail: confirm its address, reset a forgotten password, change its
 * address. Every link is a single-use, expiring token whose hash only is stored; every mail is
 * queued in the transaction that issues its token.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one sign-up (or address change) towards an address, in the caller's transaction. */
  async countSignUp(tx: EntityManager, email: string): Promise<void> {
    const { registerPerEmail, windowSeconds } = this.config.accountMailLimit;
    await this.rateLimits.hit(
      [{ key: `register:email:${email}`, limit: registerPerEmail }],
      windowSeconds,
      `Too many sign-ups for this address. Wait ${Math.ceil(windowSeconds / 60)} minutes, then try again.`,
      tx,
    );
  }

  /** Queues the confirmation of a new account's address; its link leads back to `returnTo` afterwards. */
  async sendConfirmation(tx: EntityManager, user: User, returnTo: string | null = null): Promise<void> {
    const { id, token } = await this.issue(tx, user.id, 'EMAIL_CONFIRM', user.email);
    await this.mail.enqueue(tx, {
      kind: 'EMAIL_CONFIRM',
      idempotencyKey: `email-confirm:${id}`,
      to: { address: user.email, userId: user.id, locale: user.locale },
      params: { displayName: user.displayName, ...(returnTo ? { returnTo } : {}) },
      secrets: { token },
    });
  }

  /** Someone signed up with an address that has an account: its owner is told, the caller is not. */
  async sendAccountExists(tx: EntityManager, owner: User): Promise<void> {
    await this.mail.enqueue(tx, {
      kind: 'ACCOUNT_EXISTS',
      idempotencyKey: `account-exists:${randomUUID()}`,
      to: { address: owner.email, userId: owner.id, locale: owner.locale },
      params: { displayName: owner.displayName },
    });
  }

  /** Always the same answer, whether or not the address has an account. */
  async requestPasswordReset(input: RequestPasswordResetInput): Promise<void> {
    const email = input.email.toLowerCase();
    const { resetPerEmail, windowSeconds } = this.config.accountMailLimit;
    await this.db.transaction(async (tx) => {
      await this.rateLimits.hit(
        [{ key: `password-reset:email:${email}`, limit: resetPerEmail }],
        windowSeconds,
        `Too many reset requests for this address. Wait ${Math.ceil(windowSeconds / 60)} minutes, then try again.`,
        tx,
      );
      const user = await tx.findOneBy(User, { email });
      if (!user) return;
      const { id, token } = await this.issue(tx, user.id, 'PASSWORD_RESET', null);
      await this.mail.enqueue(tx, {
        kind: 'PASSWORD_RESET',
        idempotencyKey: `password-reset:${id}`,
        to: { address: user.email, userId: user.id, locale: user.locale },
        params: { displayName: user.displayName },
        secrets: { token },
      });
    });
  }

  /**
   * Sets the new password, uses the token up and signs the account out everywhere, in one
   * transaction; then signs this browser in. A weak password leaves the token usable.
   */
  async resetPassword(
    input: ResetPasswordInput,
    meta: RequestMeta,
  ): Promise<{ user: User; session: IssuedSession }> {
    const passwordHash = await hash(input.password);
    const user = await this.db.transaction(async (tx) => {
      const token = await this.consume(tx, input.token, ['PASSWORD_RESET']);
      const owner = await tx.findOneByOrFail(User, { id: token.userId });
      const problem = passwordProblem(input.password, owner.email);
      if (problem) throw badInput('password', PASSWORD_MESSAGES[problem], passwordReason(problem));
      // Following the link proved the address works.
      const emailConfirmedAt = owner.emailConfirmedAt ?? new Date();
      await tx.update(User, { id: owner.id }, { passwordHash, emailConfirmedAt });
      await this.sessions.revokeAll(tx, owner.id);
      return { ...owner, passwordHash, emailConfirmedAt };
    });
    return { user, session: await this.sessions.open(user, meta) };
  }

  /** Confirms a new account's address, or switches an account to the new address it confirmed. */
  async confirmEmail(input: ConfirmEmailInput): Promise<{ email: string }> {
    return this.db.transaction(async (tx) => {
      const token = await this.consume(tx, input.token, ['EMAIL_CONFIRM', 'EMAIL_CHANGE']);
      const user = await tx.findOneByOrFail(User, { id: token.userId });
      const email = token.email!;
      if (token.purpose === 'EMAIL_CONFIRM') {
        // A link for an address the account has since left confirms nothing.
        if (user.email !== email) throw badInput('token', LINK_DEAD, 'LINK_EXPIRED');
        await tx.update(User, { id: user.id }, { emailConfirmedAt: user.emailConfirmedAt ?? new Date() });
        return { email };
      }
      try {
        await tx.update(User, { id: user.id }, { email, emailConfirmedAt: new Date() });
      } catch (error) {
        if (isUniqueViolation(error, 'users_email_key')) {
          throw conflict('Another account now uses this address, so yours keeps its current one.', 'token');
        }
        throw error;
      }
      return { email };
    });
  }

  /**
   * Sends a confirmation link to the new address; the account keeps its address until the link is
   * followed. Whether the new address already has an account is not said here (only its owner,
   * following the link, would learn it).
   */
  async changeEmail(viewer: Viewer, input: ChangeEmailInput): Promise<{ email: string }> {
    const signedIn = requireSignedIn(viewer, 'change your e-mail address');
    const newEmail = input.newEmail.toLowerCase();
    return this.db.transaction(async (tx) => {
      const user = await tx.findOneByOrFail(User, { id: signedIn.id });
      if (!(await verify(user.passwordHash, input.password))) {
        throw unauthenticated('The password is wrong.', 'WRONG_PASSWORD');
      }
      if (newEmail === user.email)
        throw badInput('newEmail', 'This is already your e-mail address.', 'SAME_EMAIL');
      await this.countSignUp(tx, newEmail);
      const { id, token } = await this.issue(tx, user.id, 'EMAIL_CHANGE', newEmail);
      await this.mail.enqueue(tx, {
        kind: 'EMAIL_CHANGE_CONFIRM',
        idempotencyKey: `email-change:${id}`,
        to: { address: newEmail, userId: user.id, locale: user.locale },
        params: { displayName: user.displayName, newEmail },
        secrets: { token },
      });
      return { email: newEmail };
    });
  }

  /**
   * Where a notification mail for this person goes, or null while their address is not confirmed
   * (no notification e-mail before confirmation). For the notification mails' sender.
   */
  /** `confirmedRecipient` for many people at once (one query), with their names: those without a confirmed address are left out. */
  async confirmedRecipients(
    tx: EntityManager,
    userIds: readonly string[],
  ): Promise<(MailRecipient & { displayName: string })[]> {
    if (userIds.length === 0) return [];
    const users = await tx.findBy(User, { id: In([...userIds]), emailConfirmedAt: Not(IsNull()) });
    return users.map((u) => ({
      address: u.email,
      userId: u.id,
      locale: u.locale,
      displayName: u.displayName,
    }));
  }

  async confirmedRecipient(tx: EntityManager, userId: string): Promise<MailRecipient | null> {
    const user = await tx.findOneBy(User, { id: userId });
    if (!user?.emailConfirmedAt) return null;
    return { address: user.email, userId: user.id, locale: user.locale };
  }

  private async issue(
    tx: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    email: string | null,
  ): Promise<{ id: string; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const row = tx.create(AccountToken, {
      userId,
      purpose,
      email,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + LIFETIME_MINUTES[purpose] * 60_000),
    });
    await tx.insert(AccountToken, row);
    return { id: row.id, token };
  }

  /** Uses a token up, or refuses it the same way whether it is unknown, used, expired or for something else. */
  private async consume(
    tx: EntityManager,
    token: string,
    purposes: AccountTokenPurpose[],
  ): Promise<AccountToken> {
    const row = await tx.findOne(AccountToken, {
      where: { tokenHash: sha256(token), usedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row || row.expiresAt.getTime() <= Date.now() || !purposes.includes(row.purpose)) {
      throw badInput('token', LINK_DEAD, 'LINK_EXPIRED');
    }
    await tx.update(AccountToken, { id: row.id }, { usedAt: new Date() });
    return row;
  }
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
