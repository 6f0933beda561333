import { Client } from 'pg';
import { createDatabase } from '../testing/test-database';
import { runMigrations } from './migrate';
import { runOnce } from './run-once';

let url: string;
let owner: Client;

beforeAll(async () => {
  url = await createDatabase();
  await runMigrations(url);
  owner = new Client({ connectionString: url });
  await owner.connect();
}, 60_000);

afterAll(() => owner.end());

async function recorded(name: string): Promise<number[]> {
  const { rows } = await owner.query<{ version: number }>(
    'SELECT version FROM maintenance_runs WHERE name = $1 ORDER BY version',
    [name],
  );
  return rows.map((row) => row.version);
}

it('runs a job the first time, skips it at the next start, and runs it again at a new version', async () => {
  const work = jest.fn(() => Promise.resolve('done'));
  expect(await runOnce(url, { name: 'tidy', version: 1 }, work)).toBe('done');
  expect(await recorded('tidy')).toEqual([1]);

  expect(await runOnce(url, { name: 'tidy', version: 1 }, work)).toBeNull();
  expect(work).toHaveBeenCalledTimes(1);

  expect(await runOnce(url, { name: 'tidy', version: 2 }, work)).toBe('done');
  expect(work).toHaveBeenCalledTimes(2);
  expect(await recorded('tidy')).toEqual([1, 2]);
});

it('runs it once when several processes start at once: the others wait, then find it recorded', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const work = jest.fn(async () => {
    started();
    await held;
    return 'done';
  });
  const first = runOnce(url, { name: 'crowded', version: 1 }, work);
  await running;
  const others = [1, 2].map(() => runOnce(url, { name: 'crowded', version: 1 }, work));
  release();
  expect(await Promise.all([first, ...others])).toEqual(['done', null, null]);
  expect(work).toHaveBeenCalledTimes(1);
});

it('does not record a job that failed: the next start runs it again', async () => {
  const failing = jest.fn(() => Promise.reject(new Error('disk full')));
  await expect(runOnce(url, { name: 'fragile', version: 1 }, failing)).rejects.toThrow('disk full');
  expect(await recorded('fragile')).toEqual([]);
  const work = jest.fn(() => Promise.resolve(3));
  expect(await runOnce(url, { name: 'fragile', version: 1 }, work)).toBe(3);
  expect(await recorded('fragile')).toEqual([1]);
});
