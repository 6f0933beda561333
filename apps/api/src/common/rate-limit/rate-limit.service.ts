import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../domain-error';

export interface RateLimitRule {
  key: string;
  limit: number;
}

/** An attempt counted by `hit`: its keys and the windows it was counted in, so it can be given back. */
export interface CountedHit {
  keys: string[];
  windowStarts: Date[];
}

/** Whether a key's window, begun at `counted.window_start`, has run its `$2` seconds. */
const expired = `counted.window_start <= now() - make_interval(secs => $2::int)`;
/** A window's start in milliseconds, as a JavaScript Date holds it, so `giveBack` finds it again. */
const startsNow = `date_trunc('milliseconds', now())`;

/**
 * Counters in PostgreSQL, shared by every API process, one window per key that begins at the
 * key's first counted attempt and lasts `windowSeconds` (windows aligned to the clock would let a
 * burst straddling a boundary have twice the limit). An attempt is counted and judged in one
 * statement (an upsert returning the new count), so concurrent attempts cannot all slip under the
 * limit: the row lock makes them take their turn.
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one attempt against every rule and throws RATE_LIMITED with `message` when a count
   * passes its rule's limit; a refused attempt is not counted. Given `tx`, the count is part of
   * the caller's transaction: written only if the action commits, refused before it does. Call
   * it once the action's own checks have passed, so a refused action uses up no budget.
   */
  async hit(
    rules: RateLimitRule[],
    windowSeconds: number,
    message: string,
    tx?: EntityManager,
  ): Promise<CountedHit> {
    // One order for every caller, so two attempts locking the same rows never deadlock.
    const keys = rules.map((rule) => rule.key).sort();
    const count = async (manager: EntityManager): Promise<CountedHit> => {
      const rows: { key: string; hits: number; window_start: Date }[] = await manager.query(
        `INSERT INTO rate_limit_hits AS counted (key, window_start, hits)
         SELECT unnest($1::varchar[]), ${startsNow}, 1
         ON CONFLICT (key) DO UPDATE SET
           -- A window that has run out starts again at this attempt.
           hits = CASE WHEN ${expired} THEN 1 ELSE counted.hits + 1 END,
           window_start = CASE WHEN ${expired} THEN ${startsNow} ELSE counted.window_start END
         RETURNING key, window_start, hits`,
        [keys, windowSeconds],
      );
      const over = rows.filter((row) => rules.some((rule) => row.key === rule.key && row.hits > rule.limit));
      if (over.length > 0) {
        // Whole seconds until every window over its limit ends, for the client's "try again in …".
        const ends = Math.max(...over.map((row) => row.window_start.getTime() + windowSeconds * 1000));
        const retryAfter = Math.max(1, Math.ceil((ends - Date.now()) / 1000));
        throw new DomainError('RATE_LIMITED', message, undefined, { reason: 'RATE_LIMITED', retryAfter });
      }
      const byKey = new Map(rows.map((row) => [row.key, row.window_start]));
      return { keys, windowStarts: keys.map((key) => byKey.get(key) as Date) };
    };
    return tx ? count(tx) : this.db.transaction(count);
  }

  /** Takes back an attempt counted by `hit` that should not count (e.g. a sign-in that succeeded). */
  async giveBack(counted: CountedHit): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_hits AS counted SET hits = hits - 1
       FROM unnest($1::varchar[], $2::timestamptz[]) AS given(key, window_start)
       WHERE counted.key = given.key AND counted.window_start = given.window_start AND counted.hits > 0`,
      [counted.keys, counted.windowStarts],
    );
  }
}
