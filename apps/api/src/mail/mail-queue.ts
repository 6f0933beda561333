import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createRequire } from 'node:module';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export const MAIL_QUEUE = 'mail';

/** The advisory lock that serializes the queue's setup across processes (any number no one else uses). */
const QUEUE_SETUP_LOCK = 7_216_402;

export type MailJobHandler = (outboxId: string, lastAttempt: boolean) => Promise<void>;

type Settle = (name: string, id: string | string[], data?: unknown, options?: object) => Promise<unknown>;

/**
 * pg-boss's worker marks a job done (`complete`) or failed (`fail`) without awaiting either
 * (pg-boss 10, manager.js `watch`): while PostgreSQL is unreachable that statement fails, and
 * its rejection, which no one awaits, would be an unhandled rejection, which stops the process.
 * Every settlement made by pg-boss's manager gets a handler here that says which job of which
 * queue could not be settled; the job itself is not lost: still `active` in the queue, it is
 * taken again once its expiry has passed (the handlers are idempotent). Callers that await
 * `complete`/`fail` still get the rejection.
 */
export function reportUnsettledJobs(logger: Pick<Logger, 'warn'>): void {
  const manager = (
    createRequire(require.resolve('pg-boss')) as (id: string) => {
      prototype: Record<'complete' | 'fail', Settle> & { parvisReports?: boolean };
    }
  )('./manager').prototype;
  if (manager.parvisReports) return;
  if (typeof manager.complete !== 'function' || typeof manager.fail !== 'function') {
    throw new Error('pg-boss changed: its manager has no complete/fail to watch (mail/mail-queue.ts).');
  }
  for (const method of ['complete', 'fail'] as const) {
    const settle = manager[method];
    manager[method] = function (this: unknown, name, id, data, options) {
      const settled = settle.call(this, name, id, data, options);
      settled.catch((error: Error) =>
        logger.warn(
          `Queue ${name}: job ${String(id)} could not be marked ${method === 'complete' ? 'done' : 'failed'} ` +
            `(${error.message}); it runs again once its expiry has passed.`,
        ),
      );
      return settled;
    };
  }
  manager.parvisReports = true;
}

/**
 * The PostgreSQL job queue (pg-boss) that carries "send outbox mail <id>" jobs. It runs inside
 * every API process: a job is fetched by one worker at a time (SELECT … FOR UPDATE SKIP LOCKED),
 * retried with exponential back-off when a send fails, and handed to another worker when the one
 * holding it stops answering for longer than the send timeout (a crashed process).
 */
@Injectable()
export class MailQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly boss: PgBoss;
  private handler: MailJobHandler | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { sendTimeoutSeconds } = config.mail;
    this.boss = new PgBoss({
      connectionString: (db.options as { url: string }).url,
      max: 3,
      application_name: 'parvis-mail-queue',
      // Cron schedules (digests, deadline checks): pg-boss sends each due job once, whichever process sees it.
      schedule: true,
      // Looks for jobs held past their timeout (a crashed worker) this often.
      maintenanceIntervalSeconds: Math.min(sendTimeoutSeconds, 60),
    });
    // pg-boss reports connection trouble as events; unheard, an 'error' event would stop the process.
    this.boss.on('error', (error) => this.logger.warn(`Mail queue: ${error.message}`));
    reportUnsettledJobs(new Logger('Queue'));
  }

  /** The worker's job: called with an outbox id; throws to have the job retried later. */
  setHandler(handler: MailJobHandler): void {
    this.handler = handler;
  }

  async onModuleInit(): Promise<void> {
    const { sendTimeoutSeconds } = this.config.mail;
    await this.serialized(async () => {
      await this.boss.start();
      await this.boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...this.jobOptions() });
    });
    let workerId: string | null = null;
    workerId = await this.boss.work<{ outboxId: string }>(
      MAIL_QUEUE,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.min(2, sendTimeoutSeconds / 2) },
      async ([job]) => {
        try {
          if (!this.handler) throw new Error('The mail worker is not ready.');
          await this.handler(job.data.outboxId, job.retryCount >= job.retryLimit);
        } finally {
          this.fetchAgainAtOnce(workerId);
        }
      },
    );
  }

  /**
   * Other domains' background work on the same queue: `handler` runs for each job of `name`, on
   * one process at a time; with `cron`, pg-boss sends one job per tick across all processes.
   * Handlers must be idempotent: a job retried after a crash runs again.
   */
  async work(
    name: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
    cron?: string,
  ): Promise<void> {
    await this.serialized(() =>
      this.boss.createQueue(name, { name, retryLimit: 3, retryDelay: 30, retryBackoff: true }),
    );
    let workerId: string | null = null;
    workerId = await this.boss.work<Record<string, unknown>>(
      name,
      { batchSize: 1, pollingIntervalSeconds: 2 },
      async ([job]) => {
        try {
          await handler(job.data ?? {});
        } finally {
          this.fetchAgainAtOnce(workerId);
        }
      },
    );
    // Tests call the scheduled checks themselves, at the times they choose: a schedule firing in the
    // middle of a test would add its statements to those the cost tests count.
    if (cron && this.config.env !== 'test')
      await this.serialized(() => this.boss.schedule(name, cron, {}, { tz: 'UTC' }));
  }

  /**
   * Runs pg-boss's setup statements (its schema, queues, schedules) one process at a time: API
   * processes starting together deadlocked in them ("deadlock detected" at start-up).
   */
  private serialized(setup: () => Promise<unknown>): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [QUEUE_SETUP_LOCK]);
      await setup();
    });
  }

  /**
   * Queues one job of `name` to run at `startAfter`, in the caller's transaction (it exists if and
   * only if the event commits). The same `singletonKey` queued twice waits once.
   */
  async runAt(
    tx: EntityManager,
    name: string,
    data: Record<string, unknown>,
    startAfter: Date,
    singletonKey: string,
  ): Promise<void> {
    await this.boss.send(name, data, {
      startAfter,
      singletonKey,
      db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) },
    });
  }

  /**
   * pg-boss waits a polling interval after every job, found or not: with one job per fetch that
   * caps a process at one mail per interval. After a job, fetch again at once (the worker waits
   * the interval only when it found nothing), so a burst of mail goes out as fast as SMTP takes it.
   */
  private fetchAgainAtOnce(workerId: string | null): void {
    if (workerId) (this.boss as unknown as { notifyWorker(id: string): void }).notifyWorker(workerId);
  }

  /** Waits for a send in progress (at most the send timeout, 10 s at most), then lets go. */
  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({
      graceful: true,
      timeout: Math.min(this.config.mail.sendTimeoutSeconds, 10) * 1000,
    });
  }

  /** Adds the job in the caller's transaction (the job's id is the outbox row's: one job per mail). */
  async add(tx: EntityManager, outboxId: string): Promise<void> {
    await this.boss.send(
      MAIL_QUEUE,
      { outboxId },
      {
        id: outboxId,
        ...this.jobOptions(),
        db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) },
      },
    );
  }

  private jobOptions() {
    const { sendTimeoutSeconds, retryDelaySeconds } = this.config.mail;
    return {
      // With the default 30 s, doubling: retries over a day and a half to three days, well inside
      // pg-boss's 14-day retention of waiting jobs. After the last one the outbox row says FAILED.
      retryLimit: 12,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: sendTimeoutSeconds,
    };
  }
}
