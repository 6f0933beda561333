import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../common/domain-error';
import { requireRole, requireSignedIn, Viewer } from '../common/viewer';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { CloseAccountInput } from './personal-data.inputs';
import { eraseTraces, personalData } from './personal-data.queries';
import { User } from './user.entity';

/** What a closed account is called, in the database; the web app shows it in the reader's language. */
export const FORMER_MEMBER = 'Former member';

/**
 * The rights a European member has over their data, in a product that never deletes what people
 * wrote: to download everything (`export`), and to leave (`close`): the person is erased, what
 * they wrote stays, signed "Former member".
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moderationLog: ModerationLogService,
  ) {}

  /** Everything the signed-in person wrote and everything stored about them, as one JSON document. */
  async export(viewer: Viewer, at = new Date()): Promise<Record<string, unknown>> {
    const person = requireSignedIn(viewer, 'download your data');
    const data = await personalData(this.db.manager, person.id);
    return { format: 'parvis-personal-data/1', exportedAt: at.toISOString(), ...data };
  }

  /**
   * Closes an account: your own with your password, or (admins) someone's on their request. Its
   * name, e-mail, password and profile are erased, every session ends, its mails are forgotten;
   * its row stays as the author of its posts, which stay. The public log records the closure
   * without the name. Returns the closed account's id.
   */
  async close(viewer: Viewer, input: CloseAccountInput, at = new Date()): Promise<string> {
    const actor = requireSignedIn(viewer, 'close an account');
    const self = !input.userId || input.userId === actor.id;
    if (!self) requireRole(viewer, 'ADMIN', 'close someone else’s account');
    const targetId = self ? actor.id : input.userId!;
    // An unusable password: the hash of a secret no one keeps (hashed before the transaction: it is slow).
    const unusable = await hash(randomBytes(32).toString('base64url'));
    return this.db.transaction(async (tx) => {
      const user = await tx.findOne(User, { where: { id: targetId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('No one has this id.');
      if (user.closedAt) throw conflict('This account is already closed.');
      if (self && !(await verify(user.passwordHash, input.password ?? '').catch(() => false))) {
        throw badInput('password', 'The password is wrong.');
      }
      const placeholder = `closed-${user.id}@invalid`;
      await tx.update(
        User,
        { id: user.id },
        {
          displayName: FORMER_MEMBER,
          email: placeholder,
          passwordHash: unusable,
          locale: null,
          emailConfirmedAt: null,
          closedAt: at,
        },
      );
      await eraseTraces(tx, user.id, placeholder, at);
      await this.moderationLog.record(tx, {
        action: 'ACCOUNT_CLOSED',
        actorId: actor.id,
        targetType: 'USER',
        targetId: user.id,
        details: { by: self ? 'SELF' : 'ADMIN' },
        at,
      });
      return user.id;
    });
  }
}
