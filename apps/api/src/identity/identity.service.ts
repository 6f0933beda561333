import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem, PasswordProblem } from '@parvis/domain';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/postgres-errors';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../common/domain-error';
import { requireRole, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { RegisterInput, SetRoleInput, SignInInput } from './identity.inputs';
import { IssuedSession, RequestMeta, SessionsService } from './sessions.service';
import { User } from './user.entity';

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: 'Choose a password of at least 10 characters; a short sentence is easy to remember.',
  TOO_LONG: 'Choose a password of at most 200 characters.',
  REPEATED: 'Choose a password that is not one character repeated.',
  SAME_AS_EMAIL: 'Choose a password different from your e-mail address.',
};

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
  ) {}

  async register(input: RegisterInput, meta: RequestMeta): Promise<{ user: User; session: IssuedSession }> {
    const email = input.email.toLowerCase();
    const problem = passwordProblem(input.password, email);
    if (problem) throw badInput('password', PASSWORD_MESSAGES[problem]);

    const user = this.users.create({
      email,
      displayName: input.displayName,
      passwordHash: await hash(input.password),
      locale: input.locale ?? null,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw conflict('An account already exists with this e-mail address. Sign in instead.', 'email');
      }
      throw error;
    }
    const saved = await this.users.findOneByOrFail({ id: user.id });
    return { user: saved, session: await this.sessions.open(saved, meta) };
  }

  async signIn(input: SignInInput, meta: RequestMeta): Promise<{ user: User; session: IssuedSession }> {
    const email = input.email.toLowerCase();
    const { perEmail, perAddress, windowSeconds } = this.config.signInLimit;
    // Counted before the password is checked, so concurrent guesses cannot outrun the limit.
    const attempt = await this.rateLimits.hit(
      [
        { key: `sign-in:email:${email}`, limit: perEmail },
        ...(meta.ipAddress ? [{ key: `sign-in:address:${meta.ipAddress}`, limit: perAddress }] : []),
      ],
      windowSeconds,
      `Too many failed sign-in attempts. Wait ${Math.ceil(windowSeconds / 60)} minutes, then try again.`,
    );

    const user = await this.users.findOneBy({ email });
    const valid = user
      ? await verify(user.passwordHash, input.password)
      : await verify(await this.decoyHash, input.password);
    if (!user || !valid) throw unauthenticated(WRONG_CREDENTIALS);
    // Only failures accumulate: a successful sign-in takes its attempt back.
    await this.rateLimits.giveBack(attempt);
    return { user, session: await this.sessions.open(user, meta) };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.sessions.revoke(token);
  }

  async user(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('No one has this id.');
    return user;
  }

  usersByIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findBy({ id: In([...ids]) });
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
      if (!user) throw notFound('No one has this id.');
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
