import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLanguage } from '@parvis/domain';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/domain-error';
import { requireRole, Viewer } from '../common/viewer';
import { AppConfig, isTimeZone } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MailQueue } from '../mail/mail-queue';
import { MailService } from '../mail/mail.service';
import { mailLocale } from '../mail/mail-templates';
import { digestMail } from './digest-texts';
import { DigestRecipient } from './digest-recipient.entity';
import {
  HotThreadRow,
  hottestNegativeThreads,
  IdeaMoveRow,
  ideasMoved,
  localDay,
  ReportScope,
  responseTimes,
} from './reports.queries';

export const EXECUTIVE_DIGEST_JOB = 'executive-digest';
const HOTTEST = 5;

/** One day of the community against the brand's promises, as executives receive it. */
export interface ExecutiveDigest {
  /** The local day (YYYY-MM-DD) in `timeZone`. */
  day: string;
  timeZone: string;
  questions: number;
  /** First responses within the space's promise (the acknowledgement), late, and clocks still running. */
  acknowledgedInTime: number;
  acknowledgedLate: number;
  acknowledgementPending: number;
  answeredInTime: number;
  answeredLate: number;
  answerPending: number;
  hottestNegative: HotThreadRow[];
  ideasMoved: IdeaMoveRow[];
}

export interface RecipientRequest {
  email: string;
  name: string;
  language: string;
  timeZone: string;
}

/**
 * The daily executive digest: every morning at EXECUTIVE_DIGEST_HOUR in each recipient's time
 * zone, yesterday's figures against the promises (acknowledged and answered in time), the five
 * hottest negative threads and the ideas that moved, with a link to the report. Sent through the
 * mail outbox with one idempotency key per recipient and day, so several API processes (or a
 * check run twice) send it once. Staff read the same digest for any past day on a page.
 */
@Injectable()
export class ExecutiveDigestService implements OnModuleInit {
  private readonly logger = new Logger('ExecutiveDigest');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly queue: MailQueue,
  ) {}

  /** Every hour at :00 UTC, recipients whose local hour is the digest hour get theirs. */
  async onModuleInit(): Promise<void> {
    await this.queue.work(
      EXECUTIVE_DIGEST_JOB,
      async () => void (await this.sendDue(new Date())),
      '0 * * * *',
    );
  }

  /** The page: the digest of `day` (YYYY-MM-DD) in `timeZone`, for staff. */
  async digestFor(viewer: Viewer, day: string, timeZone?: string | null): Promise<ExecutiveDigest> {
    requireRole(viewer, 'STAFF', 'read the executive digest');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
      throw badInput('day', 'Give a day as YYYY-MM-DD.');
    const zone = timeZone ?? this.config.notifications.defaultTimeZone;
    if (!isTimeZone(zone)) throw badInput('timeZone', 'This is not a time zone name (such as Europe/Paris).');
    return this.db.transaction('REPEATABLE READ', (tx) => this.compute(tx, day, zone, new Date()));
  }

  private async compute(
    tx: EntityManager,
    day: string,
    timeZone: string,
    now: Date,
  ): Promise<ExecutiveDigest> {
    const { from, to } = await localDay(tx, day, timeZone);
    const scope: ReportScope = { from, to, granularity: 'day', timeZone, spaceId: null, language: null, now };
    const total = (await responseTimes(tx, scope)).find((row) => row.period === null)!;
    return {
      day,
      timeZone,
      questions: total.questions,
      acknowledgedInTime: total.firstResponseMet,
      acknowledgedLate: total.firstResponseMissed,
      acknowledgementPending: total.questions - total.firstResponseMet - total.firstResponseMissed,
      answeredInTime: total.answerMet,
      answeredLate: total.answerMissed,
      answerPending: total.questions - total.answerMet - total.answerMissed,
      hottestNegative: await hottestNegativeThreads(tx, scope, HOTTEST),
      ideasMoved: await ideasMoved(tx, scope),
    };
  }

  /**
   * Queues the digests due at `now`: for each active recipient whose local time is the digest
   * hour, yesterday's (their yesterday). Returns how many were queued by this call; a second call
   * for the same hour queues none.
   */
  async sendDue(now: Date): Promise<number> {
    const recipients = await this.db.manager.findBy(DigestRecipient, { active: true });
    let queued = 0;
    for (const recipient of recipients) {
      if (localHour(now, recipient.timeZone) !== this.config.reports.executiveDigestHour) continue;
      const day = localDate(new Date(now.getTime() - 86_400_000), recipient.timeZone);
      queued += (await this.send(recipient, day, now)) ? 1 : 0;
    }
    return queued;
  }

  /** Queues one recipient's digest of `day`, once: the outbox's idempotency key makes a repeat a no-op. */
  private send(recipient: DigestRecipient, day: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const digest = await this.compute(tx, day, recipient.timeZone, now);
      const words = digestMail(
        mailLocale(recipient.language),
        digest,
        this.config.mail.brandName,
        recipient.name,
      );
      const { queued } = await this.mail.enqueue(tx, {
        kind: 'REPORT',
        idempotencyKey: `executive-digest:${recipient.id}:${day}`,
        to: { address: recipient.email, locale: recipient.language },
        params: { ...words, path: `/staff/digest/${day}` },
      });
      return queued;
    });
  }

  recipients(viewer: Viewer): Promise<DigestRecipient[]> {
    requireRole(viewer, 'STAFF', 'see who receives the executive digest');
    return this.db.manager.find(DigestRecipient, { order: { active: 'DESC', name: 'ASC', id: 'ASC' } });
  }

  /** Admins add a recipient (or update the one with that address, active again). */
  async addRecipient(viewer: Viewer, request: RecipientRequest): Promise<DigestRecipient> {
    const admin = requireRole(viewer, 'ADMIN', 'choose who receives the executive digest');
    if (!isLanguage(request.language)) throw badInput('language', 'Choose fr, en or es.');
    if (!isTimeZone(request.timeZone))
      throw badInput('timeZone', 'This is not a time zone name (such as Europe/Paris).');
    return this.db.transaction((tx) => this.saveRecipient(tx, admin.id, request));
  }

  /** Writes a recipient in the caller's transaction, once the caller has checked the request. */
  async saveRecipient(
    tx: EntityManager,
    addedById: string,
    request: RecipientRequest,
  ): Promise<DigestRecipient> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO digest_recipients (email, name, language, time_zone, added_by_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO UPDATE SET name = excluded.name, language = excluded.language,
                                         time_zone = excluded.time_zone, active = true
       RETURNING id`,
      [
        request.email.trim().toLowerCase(),
        request.name.trim(),
        request.language,
        request.timeZone,
        addedById,
      ],
    );
    return tx.findOneByOrFail(DigestRecipient, { id: row.id });
  }

  /** Pauses or resumes a recipient; the row stays (who received what, and since when). */
  async setRecipientActive(viewer: Viewer, id: string, active: boolean): Promise<DigestRecipient> {
    requireRole(viewer, 'ADMIN', 'choose who receives the executive digest');
    const result = await this.db.manager.update(DigestRecipient, { id }, { active });
    if (!result.affected) throw notFound('There is no such recipient.');
    return this.db.manager.findOneByOrFail(DigestRecipient, { id });
  }
}

/** The hour (0-23) it is at `instant` in `timeZone`. */
export function localHour(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
  return Number(hour);
}

/** The local date (YYYY-MM-DD) at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
