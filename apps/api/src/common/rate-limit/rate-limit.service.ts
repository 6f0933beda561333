import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../domain-error';

export interface RateLimitRule {
  key: string;
  limit: number;
}

/** An attempt counted by `hit`: its keys and the window it was counted in, so it can be given back. */
export interface CountedHit {
  keys: string[];
  windowStart: Date;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every API process. An attempt is counted and
 * judged in one statement (an upsert returning the new count), so concurrent attempts cannot
 * all slip under the limit: the row lock makes them take their turn.
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
        `INSERT INTO rate_limit_hits (key, window_start, hits)
         SELECT unnest($1::varchar[]), ${windowStart('$2')}, 1
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
         RETURNING key, window_start, hits`,
        [keys, windowSeconds],
      );
      const over = rules.some((rule) => rows.some((row) => row.key === rule.key && row.hits > rule.limit));
      if (over) {
        // Whole seconds until the window turns, for the client's "try again in …".
        const retryAfter = Math.max(
          1,
          Math.ceil((rows[0].window_start.getTime() + windowSeconds * 1000 - Date.now()) / 1000),
        );
        throw new DomainError('RATE_LIMITED', message, undefined, { reason: 'RATE_LIMITED', retryAfter });
      }
      return { keys, windowStart: rows[0].window_start };
    };
    return tx ? count(tx) : this.db.transaction(count);
  }

  /** Takes back an attempt counted by `hit` that should not count (e.g. a sign-in that succeeded). */
  async giveBack(counted: CountedHit): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_hits SET hits = hits - 1 WHERE key = ANY($1) AND window_start = $2 AND hits > 0`,
      [counted.keys, counted.windowStart],
    );
  }
}

function windowStart(secondsParam: string): string {
  return `to_timestamp(floor(extract(epoch FROM now()) / ${secondsParam}::int) * ${secondsParam}::int)`;
}
