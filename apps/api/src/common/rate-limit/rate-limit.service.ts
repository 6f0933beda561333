import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../domain-error';

export interface RateLimitRule {
  key: string;
  limit: number;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every API process. Callers check before the
 * guarded action and count what should be limited (for sign-in: the failures).
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assertUnderLimit(rules: RateLimitRule[], windowSeconds: number, message: string): Promise<void> {
    const rows: { key: string; hits: number }[] = await this.db.query(
      `SELECT key, hits FROM rate_limit_hits WHERE key = ANY($1) AND window_start = ${windowStart('$2')}`,
      [rules.map((r) => r.key), windowSeconds],
    );
    const over = rules.some((rule) => (rows.find((row) => row.key === rule.key)?.hits ?? 0) >= rule.limit);
    if (over) throw new DomainError('RATE_LIMITED', message);
  }

  async count(keys: string[], windowSeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO rate_limit_hits (key, window_start, hits)
       SELECT unnest($1::varchar[]), ${windowStart('$2')}, 1
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1`,
      [keys, windowSeconds],
    );
  }
}

function windowStart(secondsParam: string): string {
  return `to_timestamp(floor(extract(epoch FROM now()) / ${secondsParam}::int) * ${secondsParam}::int)`;
}
