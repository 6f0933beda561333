import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CaughtMail } from './caught-mail.entity';
import { MailOutbox } from './mail-outbox.entity';
import { MailQueue } from './mail-queue';
import { unseal, unsubscribeToken } from './mail-secrets';
import { MailKind, MailLocale, renderMail } from './mail-templates';

/**
 * Sends one outbox mail per job. The row is locked (FOR UPDATE) for the whole send and marked SENT
 * in the same transaction, so two workers never send it at once, and a job run again after the
 * mail was sent finds it SENT and does nothing.
 *
 * What "exactly once" means here: a mail is handed to the SMTP server once it accepts it (its 250
 * reply to DATA) and we commit SENT right after. A crash before that reply loses nothing and
 * sends nothing twice (the server discards an unfinished message; the job is retried). A crash in
 * the instant between the server's reply and our commit would send it again on retry; that
 * duplicate carries the same Message-ID, by which mail servers and clients recognise a repeat.
 * SMTP has no way to ask a server whether it already took a message, so no sender can do better.
 */
@Injectable()
export class MailWorker implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly messageIdHost: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    queue: MailQueue,
  ) {
    const { smtpUrl, sendTimeoutSeconds, publicUrl } = config.mail;
    // A send must give up before its job's timeout, after which another worker may take the job.
    const timeout = Math.max(1000, sendTimeoutSeconds * 1000 - 1000);
    this.transport = smtpUrl
      ? createTransport({
          url: smtpUrl,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : null;
    this.messageIdHost = new URL(publicUrl).hostname;
    queue.setHandler((outboxId, lastAttempt) => this.send(outboxId, lastAttempt));
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  async send(outboxId: string, lastAttempt: boolean): Promise<void> {
    const failure = await this.db.transaction(async (tx): Promise<Error | null> => {
      const mail = await tx.findOne(MailOutbox, {
        where: { id: outboxId },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (!mail) {
        // Locked: another worker is sending it right now. Try again later, in case it crashes.
        const exists = await tx.exists(MailOutbox, { where: { id: outboxId } });
        return exists ? new Error('Another worker is sending this mail.') : null;
      }
      if (mail.status !== 'PENDING') return null;

      const attempts = mail.attempts + 1;
      try {
        await this.deliver(tx.getRepository(CaughtMail), mail);
      } catch (error) {
        const permanent = isPermanent(error);
        const message = error instanceof Error ? error.message : String(error);
        await tx.update(
          MailOutbox,
          { id: mail.id },
          {
            attempts,
            lastError: message.slice(0, 1000),
            status: permanent || lastAttempt ? 'FAILED' : 'PENDING',
          },
        );
        this.logger.warn(
          `Mail ${mail.id} to ${mail.toAddress} not sent (attempt ${attempts}${permanent ? ', refused for good' : ''}): ${message}`,
        );
        return permanent ? null : error instanceof Error ? error : new Error(message);
      }
      await tx.update(
        MailOutbox,
        { id: mail.id },
        { attempts, status: 'SENT', sentAt: new Date(), lastError: null, sealedParams: null },
      );
      return null;
    });
    // Thrown after the commit that recorded the attempt, so that pg-boss retries the job later.
    if (failure) throw failure;
  }

  private async deliver(
    caught: { insert(row: Partial<CaughtMail>): Promise<unknown> },
    mail: MailOutbox,
  ): Promise<void> {
    const { brandName, publicUrl, from } = this.config.mail;
    const secrets = mail.sealedParams ? unseal(this.config.sessionSecret, mail.sealedParams) : {};
    const token =
      mail.unsubscribeList && mail.recipientUserId
        ? unsubscribeToken(this.config.sessionSecret, {
            userId: mail.recipientUserId,
            list: mail.unsubscribeList,
          })
        : null;
    const rendered = renderMail(mail.kind as MailKind, mail.locale as MailLocale, {
      brandName,
      publicUrl,
      params: { ...(mail.params as Record<string, string>), ...secrets },
      unsubscribeUrl: token ? `${publicUrl}/unsubscribe?token=${token}` : null,
    });
    const headers: Record<string, string> = { 'X-Parvis-Mail-Id': mail.id };
    if (token) {
      // RFC 8058 one-click: a mail client POSTs "List-Unsubscribe=One-Click" to this address.
      headers['List-Unsubscribe'] = `<${publicUrl}/mail/unsubscribe?token=${token}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const messageId = `<${mail.id}@${this.messageIdHost}>`;

    if (!this.transport) {
      await caught.insert({
        outboxId: mail.id,
        toAddress: mail.toAddress,
        fromHeader: from,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: { ...headers, 'Message-ID': messageId },
      });
      return;
    }
    await this.transport.sendMail({
      from,
      to: mail.toAddress,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers,
    });
  }
}

/** A 5xx reply (unknown recipient, refused content) will not change on retry; anything else may. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
