import { useTestApp } from '../../testing/test-app';
import { DomainError } from '../domain-error';
import { RateLimitService } from './rate-limit.service';

const test = useTestApp();
const WINDOW = 600;
const limits = () => test.app.get(RateLimitService);

/** Plants a key's current window as if its first counted hit had been `secondsAgo` seconds ago. */
async function plant(key: string, hits: number, secondsAgo: number): Promise<void> {
  await test.db.query(
    `INSERT INTO rate_limit_hits (key, window_start, hits) VALUES ($1, date_trunc('milliseconds', now()) - make_interval(secs => $3), $2)`,
    [key, hits, secondsAgo],
  );
}

/** `counted`, or the error's code when the attempt is refused. */
async function tries(key: string, limit: number): Promise<string> {
  return limits()
    .hit([{ key, limit }], WINDOW, 'Too many.')
    .then(
      () => 'counted',
      (error: DomainError) => error.code,
    );
}

describe('rate limits', () => {
  it('count a key in one window begun at its first hit, whatever the clock says: a full window refuses until it has run', async () => {
    // Begun 7 seconds ago, not on any round minute: a window aligned to the clock would be a new
    // one here and let these attempts through (twice the limit for a burst straddling a boundary).
    await plant('test:full', 3, 7);
    expect(await tries('test:full', 3)).toBe('RATE_LIMITED');
    const [row] = await test.db.query(`SELECT hits FROM rate_limit_hits WHERE key = 'test:full'`);
    expect(row.hits).toBe(3); // the refused attempt is not counted
  });

  it('start a new window at the first attempt after the old one has run', async () => {
    await plant('test:old', 3, WINDOW + 1);
    expect(await tries('test:old', 3)).toBe('counted');
    const [row] = await test.db.query(
      `SELECT hits, window_start > now() - interval '1 minute' AS fresh FROM rate_limit_hits WHERE key = 'test:old'`,
    );
    expect(row).toEqual({ hits: 1, fresh: true });
  });

  it('give an attempt back in the window it was counted in, key by key', async () => {
    await plant('test:a', 1, 30);
    const counted = await limits().hit(
      [
        { key: 'test:a', limit: 5 },
        { key: 'test:b', limit: 5 },
      ],
      WINDOW,
      'Too many.',
    );
    await limits().giveBack(counted);
    const rows = await test.db.query(
      `SELECT key, hits FROM rate_limit_hits WHERE key IN ('test:a', 'test:b') ORDER BY key`,
    );
    expect(rows).toEqual([
      { key: 'test:a', hits: 1 },
      { key: 'test:b', hits: 0 },
    ]);
  });
});
