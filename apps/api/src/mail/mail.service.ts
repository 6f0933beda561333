import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requireRole, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CaughtMail } from './caught-mail.entity';
import { seal, UnsubscribeClaim, verifyUnsubscribeToken } from './mail-secrets';
import { MailKind, mailLocale } from './mail-templates';
import { MailQueue } from './mail-queue';
import { MailUnsubscribe } from './mail-unsubscribe.entity';

export interface MailToSend {
  kind: MailKind;
  /**
   * Names the event that causes the mail ("password-reset:<token id>"): the same key twice is one
   * mail, so a retried transaction or a replayed event never sends it again.
   */
  idempotencyKey: string;
  to: { address: string; userId?: string | null; locale?: string | null };
  /** The template's parameters, stored readable in the outbox. */
  params?: Record<string, string>;
  /** Parameters that must not be readable in the database (a token): stored encrypted. */
  secrets?: Record<string, string>;
  /**
   * Notification mails: the list the recipient may leave ("notifications" or narrower). Such a mail
   * carries List-Unsubscribe headers and a link, and is not queued for someone off the list.
   * Account mails have none.
   */
  unsubscribeList?: string;
}

export type Enqueued = { outboxId: string; queued: boolean } | { outboxId: null; queued: false };

/**
 * Mail for other domains: `enqueue(tx, mail)` in the transaction of the event, the unsubscribe
 * mechanism, and the catcher's inbox for staff.
 */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: MailQueue,
  ) {}

  /**
   * Writes the mail to the outbox and its job to the queue in the caller's transaction: both
   * exist if and only if the event commits. Returns `queued: false` when this idempotency key was
   * already queued, and `outboxId: null` when the recipient left the mail's list.
   */
  async enqueue(tx: EntityManager, mail: MailToSend): Promise<Enqueued> {
    if (mail.kind === 'NOTIFICATION' && !mail.unsubscribeList) {
      throw new Error('A notification mail needs an unsubscribeList.');
    }
    if (mail.unsubscribeList && mail.to.userId) {
      if (await this.isUnsubscribed(tx, mail.to.userId, mail.unsubscribeList))
        return { outboxId: null, queued: false };
    }
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO mail_outbox (idempotency_key, kind, recipient_user_id, to_address, locale, params, sealed_params, unsubscribe_list)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT mail_outbox_idempotency_key_key DO NOTHING
       RETURNING id`,
      [
        mail.idempotencyKey,
        mail.kind,
        mail.to.userId ?? null,
        mail.to.address.toLowerCase(),
        mailLocale(mail.to.locale),
        mail.params ?? {},
        mail.secrets ? seal(this.config.sessionSecret, mail.secrets) : null,
        mail.unsubscribeList ?? null,
      ],
    );
    if (rows.length === 0) {
      const [existing] = await tx.query<{ id: string }[]>(
        `SELECT id FROM mail_outbox WHERE idempotency_key = $1`,
        [mail.idempotencyKey],
      );
      return { outboxId: existing.id, queued: false };
    }
    await this.queue.add(tx, rows[0].id);
    return { outboxId: rows[0].id, queued: true };
  }

  async isUnsubscribed(tx: EntityManager, userId: string, list: string): Promise<boolean> {
    return (await tx.count(MailUnsubscribe, { where: { userId, list } })) > 0;
  }

  /** The lists someone left (their unsubscribe links followed). */
  async unsubscribedLists(userId: string): Promise<Set<string>> {
    const rows = await this.db.getRepository(MailUnsubscribe).findBy({ userId });
    return new Set(rows.map((r) => r.list));
  }

  /** Puts someone back on a list they left, in the caller's transaction (they chose its e-mails again). */
  async resubscribe(tx: EntityManager, userId: string, list: string): Promise<void> {
    await tx.delete(MailUnsubscribe, { userId, list });
  }

  /**
   * Takes the token's recipient off its list. Needs no session: the signed token is the proof, and
   * it names one person and one list, so it can unsubscribe no one else. Null for a bad token.
   */
  async unsubscribe(token: string): Promise<UnsubscribeClaim | null> {
    const claim = verifyUnsubscribeToken(this.config.sessionSecret, token);
    if (!claim) return null;
    await this.db.query(
      `INSERT INTO mail_unsubscribes (user_id, list) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT mail_unsubscribes_user_id_list_key DO NOTHING`,
      [claim.userId, claim.list],
    );
    return claim;
  }

  /** The catcher's inbox, newest first: staff, moderators and admins only. */
  async caughtMails(viewer: Viewer, first: number): Promise<CaughtMail[]> {
    requireRole(viewer, 'STAFF', 'read the mail catcher');
    return this.db.getRepository(CaughtMail).find({
      order: { caughtAt: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(first, 1), 200),
    });
  }
}
