import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem, safeReturnPath } from '@parvis/domain';
import { EntityManager, In, Repository } from 'typeorm';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { badInput, forbidden, notFound, unauthenticated } from '../common/domain-error';
import { requireRole, requireSignedIn, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { AccountService } from './account.service';
import { PASSWORD_MESSAGES, passwordReason } from './password-messages';
import { RegisterInput, SetRoleInput, SignInInput } from './identity.inputs';
import { IssuedSession, RequestMeta, SessionsService } from './sessions.service';
import { User } from './user.entity';

/** Same wording whether the e-mail or the password was wrong: it must not reveal who has an account. */
const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';

@Injectable()
export class IdentityService {
  /** Verified against when the e-mail is unknown, so both failures take the same time. */
  private readonly decoyHash = hash('parvis-decoy-password');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderationLog: ModerationLogService,
    private readonly account: AccountService,
  ) {}

  /**
   * Creates the account and mails a confirmation link, or, when the address already has an
   * account, mails its owner instead. The caller gets the same answer either way (and signs in
   * next), so sign-up tells no one whether an address is registered. Limited per e-mail address
   * (mails sent to it) and per network address (counted before the password is hashed, the
   * costly part, so a flood of sign-ups from one place is refused cheaply).
   */
  async register(input: RegisterInput, meta: RequestMeta): Promise<{ email: string }> {
    const email = input.email.toLowerCase();
    const problem = passwordProblem(input.password, email);
    if (problem) throw badInput('password', PASSWORD_MESSAGES[problem], passwordReason(problem));
    const { perAddress, windowSeconds } = this.config.registerLimit;
    await this.rateLimits.hit(
      [{ key: `register:address:${meta.ipAddress ?? 'unknown'}`, limit: perAddress }],
      windowSeconds,
      `Too many sign-ups from your network. Wait ${Math.ceil(windowSeconds / 60)} minutes, then try again.`,
    );
    // Hashed in both cases, so that both take the same time.
    const passwordHash = await hash(input.password);

    await this.users.manager.transaction(async (tx) => {
      await this.account.countSignUp(tx, email);
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ email, displayName: input.displayName, passwordHash, locale: input.locale ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      const created = (inserted.raw as { id: string }[])[0];
      if (created) {
        await this.account.sendConfirmation(
          tx,
          await tx.findOneByOrFail(User, { id: created.id }),
          safeReturnPath(input.returnTo),
        );
      } else {
        await this.account.sendAccountExists(tx, await tx.findOneByOrFail(User, { email }));
      }
    });
    return { email };
  }

  /**
   * Two limits, both counting failures only (a successful sign-in takes its attempt back):
   * - per (e-mail, address): guessing one account's password from one place; over it, that pair
   *   is refused before the password is checked;
   * - per address: one place trying many accounts (credential stuffing); over it, the address is
   *   refused, except for an attempt from a browser that has signed in to that account before
   *   (`knownDevice`, see device-cookie.ts), so the limit cannot lock every account's owner out.
   * Counted before the password is checked, so concurrent guesses cannot outrun the limits.
   */
  async signIn(
    input: SignInInput,
    meta: RequestMeta,
    knownDevice = false,
  ): Promise<{ user: User; session: IssuedSession }> {
    const email = input.email.toLowerCase();
    const { perEmail, perAddress, windowSeconds } = this.config.signInLimit;
    const address = meta.ipAddress ?? 'unknown';
    const attempt = await this.rateLimits.hit(
      [
        // Hashed: an e-mail (up to 254 characters) and an IPv6 address would overflow the key.
        { key: `sign-in:email-address:${sha256(`${email}|${address}`)}`, limit: perEmail },
        ...(knownDevice ? [] : [{ key: `sign-in:address:${address}`, limit: perAddress }]),
      ],
      windowSeconds,
      `Too many failed sign-in attempts. Wait ${Math.ceil(windowSeconds / 60)} minutes, then try again.`,
    );

    const user = await this.users.findOneBy({ email });
    const valid = user
      ? await verify(user.passwordHash, input.password)
      : await verify(await this.decoyHash, input.password);
    if (!user || !valid) throw unauthenticated(WRONG_CREDENTIALS, 'WRONG_CREDENTIALS');
    await this.rateLimits.giveBack(attempt);
    return { user, session: await this.sessions.open(user, meta) };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.sessions.revoke(token);
  }

  async user(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('No one has this id.', 'USER_NOT_FOUND');
    return user;
  }

  /** `tx`: the caller's transaction, to see people it created (the demo seed). */
  usersByIds(ids: readonly string[], tx: EntityManager = this.users.manager): Promise<User[]> {
    return tx.findBy(User, { id: In([...ids]) });
  }

  /** Up to `first` people whose name (or a word of it) starts with `prefix`, for mention autocomplete. */
  async members(viewer: Viewer, prefix: string, first: number): Promise<User[]> {
    requireSignedIn(viewer, 'look members up');
    const words = prefix.trim().slice(0, 60);
    if (words === '') return [];
    const like = `${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (
      this.users
        .createQueryBuilder('u')
        .where(
          `(unaccent(u.display_name) ILIKE unaccent(:like) OR unaccent(u.display_name) ILIKE unaccent(:wordLike))`,
          {
            like,
            wordLike: `% ${like}`,
          },
        )
        // A closed account is no one to mention.
        .andWhere('u.closed_at IS NULL')
        .orderBy('u.display_name', 'ASC')
        .addOrderBy('u.id', 'ASC')
        .limit(Math.min(Math.max(first, 1), 20))
        .getMany()
    );
  }

  /** The brand's agents (role STAFF): they watch the answer clocks. */
  async staffIds(tx: EntityManager): Promise<string[]> {
    return (await tx.find(User, { select: { id: true }, where: { role: 'STAFF' } })).map((u) => u.id);
  }

  async setRole(viewer: Viewer, input: SetRoleInput): Promise<User> {
    const admin = requireRole(viewer, 'ADMIN', 'change roles');
    if (admin.id === input.userId) {
      // An admin demoting themself could leave the community with no admin at all.
      throw forbidden('You cannot change your own role; ask another admin.');
    }
    // The change and its public log entry are written together or not at all.
    return this.users.manager.transaction(async (tx) => {
      const user = await tx.findOne(User, {
        where: { id: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound('No one has this id.', 'USER_NOT_FOUND');
      if (user.role === input.role) return user;
      await tx.update(User, { id: user.id }, { role: input.role });
      await this.moderationLog.record(tx, {
        action: 'ROLE_CHANGED',
        actorId: admin.id,
        targetType: 'USER',
        targetId: user.id,
        details: { displayName: user.displayName, from: user.role, to: input.role },
      });
      return { ...user, role: input.role };
    });
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
