import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export const MAIL_QUEUE = 'mail';

/** Jobs fetched at once by one process's worker (sent one after the other). */
const MAIL_BATCH_SIZE = 10;

export type MailJobHandler = (outboxId: string, lastAttempt: boolean) => Promise<void>;

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
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { sendTimeoutSeconds } = config.mail;
    this.boss = new PgBoss({
      connectionString: (db.options as { url: string }).url,
      max: 3,
      application_name: 'parvis-mail-queue',
      schedule: false,
      // Looks for jobs held past their timeout (a crashed worker) this often.
      maintenanceIntervalSeconds: Math.min(sendTimeoutSeconds, 60),
    });
    // pg-boss reports connection trouble as events; unheard, an 'error' event would stop the process.
    this.boss.on('error', (error) => this.logger.warn(`Mail queue: ${error.message}`));
  }

  /** The worker's job: called with an outbox id; throws to have the job retried later. */
  setHandler(handler: MailJobHandler): void {
    this.handler = handler;
  }

  async onModuleInit(): Promise<void> {
    const { sendTimeoutSeconds } = this.config.mail;
    await this.boss.start();
    await this.boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...this.jobOptions() });
    // pg-boss waits a whole polling interval between two fetches, so one job per fetch would send
    // one mail per interval: a batch is fetched instead and each job of it succeeds or fails on its
    // own (a failed one goes back for a retry; pg-boss completes only those still active).
    await this.boss.work<{ outboxId: string }>(
      MAIL_QUEUE,
      {
        batchSize: MAIL_BATCH_SIZE,
        includeMetadata: true,
        pollingIntervalSeconds: Math.min(2, sendTimeoutSeconds / 2),
      },
      async (jobs) => {
        const handler = this.handler;
        if (!handler) throw new Error('The mail worker is not ready.');
        for (const job of jobs) {
          try {
            await handler(job.data.outboxId, job.retryCount >= job.retryLimit);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await this.boss.fail(MAIL_QUEUE, job.id, { message });
          }
        }
      },
    );
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
