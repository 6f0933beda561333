import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLanguage } from '@parvis/domain';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { badInput, notFound } from '../common/domain-error';
import { requireRole, requireSignedIn, Viewer } from '../common/viewer';
import { AppConfig, isTimeZone } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  AnswererShare,
  answererShare,
  CampaignResultRow,
  campaignResults,
  deflection,
  DeflectionRow,
  Granularity,
  HelperRow,
  IdeaFlowRow,
  ideaFlow,
  ideasByVotes,
  IdeaVotesRow,
  mood,
  MoodRow,
  ReportScope,
  ResponseRow,
  responseTimes,
  StatusDwellRow,
  timeInStatus,
  topHelpers,
} from './reports.queries';

/** The longest range one report covers: a year and a bit, so that a year compares with the last. */
export const MAX_REPORT_DAYS = 400;
const TOP = 10;
/** Connections of the pool a report may borrow besides its own, to run its sections side by side. */
const SIDE_LANES_PER_REPORT = 2;
/**
 * At most this many borrowed at once, across the reports running in this process: the pool (10)
 * keeps room for everyone else, and a report that finds none left runs on its own connection.
 */
const SIDE_LANES_IN_ALL = 4;

export interface ReportRequest {
  from: Date;
  to: Date;
  granularity: Granularity;
  timeZone?: string | null;
  spaceId?: string | null;
  language?: string | null;
}

/** Every figure of the staff report, for one scope (the web page, the CSV files and BI tools read this). */
export interface ReportData {
  scope: ReportScope;
  responseTimes: ResponseRow[];
  answerers: AnswererShare;
  topHelpers: HelperRow[];
  deflection: DeflectionRow[];
  mood: MoodRow[];
  ideaFlow: IdeaFlowRow[];
  timeInStatus: StatusDwellRow[];
  topIdeas: IdeaVotesRow[];
  trendingIdeas: IdeaVotesRow[];
  campaigns: CampaignResultRow[];
}

export const ASK_EVENTS = ['STARTED', 'SUGGESTIONS_SHOWN', 'SUGGESTION_OPENED', 'POSTED'] as const;
export type AskEvent = (typeof ASK_EVENTS)[number];

export interface AskEventRequest {
  attemptId: string;
  spaceId: string;
  event: AskEvent;
  language: string;
  /** For POSTED: the thread the attempt became. */
  threadId?: string | null;
}

/**
 * The brand's report (DESIGN.md §1: a community that is measured solves the basic questions):
 * answer times against the promises, who answers, deflection, mood and ideas, for staff. Every
 * figure is computed in SQL from the rows the domains already write; only the new-question
 * form's attempts (deflection) are recorded for it.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(viewer: Viewer, request: ReportRequest, now = new Date()): Promise<ReportData> {
    requireRole(viewer, 'STAFF', 'read the reports');
    const scope = this.scopeOf(request, now);
    // One snapshot: the tables of a report and their totals agree with each other. The sections
    // run side by side on up to two more connections that share this transaction's snapshot.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      const side = await this.sideLanes(tx);
      try {
        return await this.sections([tx, ...side.map((runner) => runner.manager)], scope);
      } finally {
        await this.release(side);
      }
    });
  }

  /** The figures of `scope`, in the caller's transaction (the executive digest reads them too). */
  async compute(tx: EntityManager, scope: ReportScope): Promise<ReportData> {
    await tx.query('SET TRANSACTION READ ONLY');
    return this.sections([tx], scope);
  }

  /**
   * Every section, each on the first lane free (a lane runs one statement at a time), the costliest
   * first so that the lanes finish together. Every lane sees the same snapshot.
   */
  private async sections(lanes: EntityManager[], scope: ReportScope): Promise<ReportData> {
    const queue: [keyof Omit<ReportData, 'scope'>, (db: EntityManager) => Promise<unknown>][] = [
      ['responseTimes', (db) => responseTimes(db, scope)],
      ['topHelpers', (db) => topHelpers(db, scope, TOP)],
      ['trendingIdeas', (db) => ideasByVotes(db, scope, 'last-week', TOP)],
      ['timeInStatus', (db) => timeInStatus(db, scope)],
      ['mood', (db) => mood(db, scope)],
      ['ideaFlow', (db) => ideaFlow(db, scope)],
      ['answerers', (db) => answererShare(db, scope)],
      ['deflection', (db) => deflection(db, scope)],
      ['topIdeas', (db) => ideasByVotes(db, scope, 'range', TOP)],
      ['campaigns', (db) => campaignResults(db, scope)],
    ];
    const data: Record<string, unknown> = { scope };
    // Every lane finishes its statement before the answer (or the first error) leaves: the
    // transactions end only once none of their connections is still reading.
    const ended = await Promise.allSettled(
      lanes.map(async (lane) => {
        try {
          for (let next = queue.shift(); next; next = queue.shift()) data[next[0]] = await next[1](lane);
        } catch (error) {
          queue.length = 0;
          throw error;
        }
      }),
    );
    const failed = ended.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
    if (failed) throw failed.reason;
    return data as unknown as ReportData;
  }

  private sideLanesLent = 0;

  /**
   * Up to SIDE_LANES_PER_REPORT more connections, each in a read-only transaction on `tx`'s
   * snapshot (exported by `tx`, which stays open while they read), within SIDE_LANES_IN_ALL.
   */
  private async sideLanes(tx: EntityManager): Promise<QueryRunner[]> {
    const count = Math.min(SIDE_LANES_PER_REPORT, SIDE_LANES_IN_ALL - this.sideLanesLent);
    if (count <= 0) return [];
    this.sideLanesLent += count;
    const lanes: QueryRunner[] = [];
    try {
      const [{ snapshot }]: { snapshot: string }[] = await tx.query(
        `SELECT pg_export_snapshot() AS snapshot`,
      );
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`Unexpected snapshot id ${snapshot}`);
      for (let i = 0; i < count; i++) {
        const runner = this.db.createQueryRunner();
        // Counted as a lane once it holds a connection: one that never got it has nothing to give back.
        await runner.connect();
        lanes.push(runner);
        await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      }
      return lanes;
    } catch (error) {
      this.sideLanesLent -= count - lanes.length;
      await this.release(lanes);
      throw error;
    }
  }

  /**
   * Gives every lane back to the pool, each after rolling its read-only transaction back, even when
   * one of them fails to (a broken connection); the first such failure is raised once all are back.
   */
  private async release(lanes: QueryRunner[]): Promise<void> {
    let failure: Error | null = null;
    for (const runner of lanes) {
      try {
        if (!runner.isReleased) await runner.query('ROLLBACK');
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      } finally {
        await runner.release();
        this.sideLanesLent--;
      }
    }
    if (failure) throw failure;
  }

  /** Checks a requested scope: a real range within MAX_REPORT_DAYS, a known zone and language. */
  scopeOf(request: ReportRequest, now: Date): ReportScope {
    const { from, to } = request;
    if (Number.isNaN(from.getTime())) throw badInput('from', 'The start of the range is not a date.');
    if (Number.isNaN(to.getTime())) throw badInput('to', 'The end of the range is not a date.');
    if (to <= from) throw badInput('to', 'The end of the range must come after its start.');
    if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * 86_400_000)
      throw badInput('to', `A report covers at most ${MAX_REPORT_DAYS} days.`);
    const timeZone = request.timeZone ?? this.config.notifications.defaultTimeZone;
    if (!isTimeZone(timeZone))
      throw badInput('timeZone', 'This is not a time zone name (such as Europe/Paris).');
    const language = request.language ?? null;
    if (language !== null && !isLanguage(language)) throw badInput('language', 'Choose fr, en or es.');
    return {
      from,
      to,
      granularity: request.granularity,
      timeZone,
      spaceId: request.spaceId ?? null,
      language,
      now,
    };
  }

  /**
   * Records one step of a member's attempt to ask (the new-question form sends them as they
   * happen). Each step is written once, at its first occurrence; an attempt belongs to whoever
   * started it, and POSTED names one of their own threads.
   */
  async recordAskEvent(viewer: Viewer, request: AskEventRequest, at = new Date()): Promise<boolean> {
    const user = requireSignedIn(viewer, 'ask a question');
    if (!isLanguage(request.language)) throw badInput('language', 'Choose fr, en or es.');
    return this.db.transaction(async (tx) => {
      const space: unknown[] = await tx.query(`SELECT 1 FROM spaces WHERE id = $1`, [request.spaceId]);
      if (space.length === 0) throw notFound('There is no such space.');
      if (request.event === 'POSTED') {
        if (!request.threadId) throw badInput('threadId', 'Say which thread the question became.');
        const own: unknown[] = await tx.query(`SELECT 1 FROM threads WHERE id = $1 AND author_id = $2`, [
          request.threadId,
          user.id,
        ]);
        if (own.length === 0) throw badInput('threadId', 'That thread is not one of your questions.');
      }
      if (!(await this.recordAskStep(tx, user.id, request, at)))
        throw badInput('attemptId', 'That attempt is someone else’s.');
      return true;
    });
  }

  /**
   * Writes one step of an attempt in the caller's transaction, once the caller has checked it
   * (the demo seed writes its history through here too). False when the attempt is someone
   * else's: an attempt's id never moves it to another person.
   */
  async recordAskStep(
    tx: EntityManager,
    userId: string,
    request: AskEventRequest,
    at: Date,
  ): Promise<boolean> {
    const when = (event: AskEvent) => (request.event === event ? at : null);
    const written: unknown[] = await tx.query(
      `INSERT INTO ask_attempts (id, space_id, user_id, language, started_at, suggestions_shown_at,
                                 suggestion_opened_at, posted_thread_id, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET
         suggestions_shown_at = coalesce(ask_attempts.suggestions_shown_at, excluded.suggestions_shown_at),
         suggestion_opened_at = coalesce(ask_attempts.suggestion_opened_at, excluded.suggestion_opened_at),
         posted_thread_id = coalesce(ask_attempts.posted_thread_id, excluded.posted_thread_id),
         posted_at = coalesce(ask_attempts.posted_at, excluded.posted_at)
       WHERE ask_attempts.user_id = excluded.user_id
       RETURNING id`,
      [
        request.attemptId,
        request.spaceId,
        userId,
        request.language,
        at,
        when('SUGGESTIONS_SHOWN'),
        when('SUGGESTION_OPENED'),
        request.event === 'POSTED' ? request.threadId : null,
        when('POSTED'),
      ],
    );
    return written.length > 0;
  }
}
