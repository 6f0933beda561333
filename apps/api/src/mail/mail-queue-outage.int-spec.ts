import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { createDatabase } from '../testing/test-database';
import { reportUnsettledJobs } from './mail-queue';

/**
 * pg-boss marks a finished job done without awaiting it: with the database gone at that moment,
 * the failure must be reported (which job, which queue) instead of surfacing as an unhandled
 * rejection, which stops a Node process.
 */
const warnings: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let admin: Client;
let boss: PgBoss;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  reportUnsettledJobs({ warn: (line: string) => void warnings.push(line) });
  const url = await createDatabase();
  admin = new Client({ connectionString: url });
  await admin.connect();
  boss = new PgBoss({ connectionString: url, schema: 'outage_queue', max: 2 });
  // What the queue reports as events while its schema is away (its fetches fail too).
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('outage');
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await boss.stop({ graceful: false, wait: true });
  await admin.end();
});

it('reports a job that ran but could not be marked done, and raises no unhandled rejection', async () => {
  const id = await boss.send('outage', { n: 1 });
  let ran = false;
  await boss.work('outage', { pollingIntervalSeconds: 0.5 }, async () => {
    // The job's work is done; the queue's tables become unreachable before pg-boss records it.
    await admin.query('ALTER SCHEMA outage_queue RENAME TO outage_queue_away');
    ran = true;
  });
  while (!warnings.some((line) => line.includes(String(id)))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(ran).toBe(true);
  expect(warnings.find((line) => line.includes(String(id)))).toMatch(
    new RegExp(
      `^Queue outage: job ${id} could not be marked done \\(.*\\); it runs again once its expiry has passed\\.$`,
    ),
  );
  await admin.query('ALTER SCHEMA outage_queue_away RENAME TO outage_queue');
  // Still waiting to be taken again (active until its expiry), not lost.
  const { rows } = await admin.query<{ state: string }>(`SELECT state FROM outage_queue.job WHERE id = $1`, [
    id,
  ]);
  expect(rows[0].state).toBe('active');
  expect(unhandled).toEqual([]);
});
