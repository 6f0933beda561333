import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Session } from './session.entity';
import { sessionUserRow } from './sessions.queries';
import { User } from './user.entity';

export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(user: User, meta: RequestMeta): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionDays * 86_400_000);
    await this.sessions.insert({
      userId: user.id,
      tokenHash: this.hash(token),
      expiresAt,
      ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /**
   * The user behind a cookie token, or null when it is unknown, expired or revoked. One statement
   * (it runs on every signed-in request), hand-written (sessions.queries.ts): the session row
   * joined to its user. `findOne` with the relation would send two (a DISTINCT subquery for its
   * LIMIT); the token's hash is unique.
   */
  userFor(token: string): Promise<User | null> {
    return sessionUserRow(this.sessions.manager, this.hash(token), new Date());
  }

  /** Revoked, not deleted: the row stays as a record of the sign-in. */
  async revoke(token: string): Promise<void> {
    await this.sessions.update(
      { tokenHash: this.hash(token), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Signs a person out everywhere (a password reset), in the caller's transaction. */
  async revokeAll(tx: EntityManager, userId: string): Promise<void> {
    await tx.update(Session, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Which of these cookie tokens still open a session (not revoked, not expired), in one query. */
  async stillOpen(tokens: readonly string[]): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const byHash = new Map(tokens.map((token) => [this.hash(token), token]));
    const open = await this.sessions.find({
      select: { tokenHash: true },
      where: { tokenHash: In([...byHash.keys()]), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    return new Set(open.map((session) => byHash.get(session.tokenHash)!));
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }
}
