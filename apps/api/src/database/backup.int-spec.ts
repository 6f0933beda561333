import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from '../testing/api-process';
import { GraphQLAgent } from '../testing/test-app';
import { createDatabase } from '../testing/test-database';
import { restore, tableCounts } from './backup';

const run = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'parvis-backup-'));

/** `npm run backup` / `npm run restore` as an operator runs them (after the build), on an external DATABASE_URL. */
function tool(name: 'backup' | 'restore', databaseUrl: string, file: string) {
  return run(process.execPath, [join(REPO_ROOT, 'tools', 'db', `${name}.mjs`), file], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
  });
}

/** Every table's rows, as one fingerprint per table: equal fingerprints, equal content. */
async function fingerprints(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const table of Object.keys(await tableCounts(url))) {
      const { rows } = await client.query<{ md5: string }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${client.escapeIdentifier(table)} t`,
      );
      result[table] = rows[0].md5;
    }
    return result;
  } finally {
    await client.end();
  }
}

async function mailSent(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'PENDING'`,
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

const PENDING_OUTBOX = '00000000-0000-4000-8000-00000000b0b0';
let pendingJobId: string;
let original: string;
let restored: string;
let api: ApiProcess | null = null;
const file = join(folder, 'parvis.json.gz');

beforeAll(async () => {
  original = await createDatabase();
  // The demo community, written by the real API through its services: every kind of row.
  const seeding = await startApiProcess(original, { SEED_DEMO: 'true' });
  // A backup taken while Parvis runs (once its mail worker has sent the demo's mails, so that
  // the database stays as backed up, to be compared with the restored one).
  await mailSent(original);
  // A job still to run when the backup is taken (a mail waiting for its retry tomorrow).
  const db = new Client({ connectionString: original });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data, start_after, retry_count) VALUES ('mail', $1, now() + interval '1 day', 3)
       RETURNING id`,
      [{ outboxId: PENDING_OUTBOX }],
    );
    pendingJobId = rows[0].id;
  } finally {
    await db.end();
  }
  await tool('backup', original, file);
  await seeding.stop();
  restored = await createDatabase();
  await tool('restore', restored, file);
}, 180_000);
afterAll(async () => {
  await api?.stop();
  // The backup files hold a whole community: none is left behind in the machine's temp folder.
  rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the same rows in every table, the vote counts and revisions included', async () => {
    const counts = await tableCounts(original);
    expect(counts.posts).toBeGreaterThan(10);
    expect(counts.idea_votes).toBeGreaterThan(10);
    expect(counts.post_revisions).toBeGreaterThan(0);
    expect(await tableCounts(restored)).toEqual(counts);
    expect(await fingerprints(restored)).toEqual(await fingerprints(original));
  });

  it('keeps the jobs still to run (pg-boss’s queue), with their data, time and retries', async () => {
    const db = new Client({ connectionString: restored });
    await db.connect();
    try {
      const { rows } = await db.query<{
        name: string;
        data: unknown;
        state: string;
        retry_count: number;
        later: boolean;
      }>(
        `SELECT name, data, state, retry_count, start_after > now() + interval '23 hours' AS later
           FROM pgboss.job WHERE id = $1`,
        [pendingJobId],
      );
      expect(rows).toEqual([
        { name: 'mail', data: { outboxId: PENDING_OUTBOX }, state: 'created', retry_count: 3, later: true },
      ]);
      // Finished jobs (the demo's mails, sent before the backup) are not kept.
      const { rows: finished } = await db.query(`SELECT 1 FROM pgboss.job WHERE state = 'completed'`);
      expect(finished).toEqual([]);
      // The queue's tables belong to the API's role, as after any start.
      const { rows: owners } = await db.query<{ owner: string }>(
        `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace AND relkind IN ('r', 'p')`,
      );
      expect(owners.map((o) => o.owner)).toEqual(['parvis_runtime']);
    } finally {
      await db.end();
    }
  });

  it('gives a database Parvis starts on as it was: the demo accounts sign in, search finds the threads', async () => {
    api = await startApiProcess(restored, { SEED_DEMO: 'true' });
    const agent = new GraphQLAgent(`${api.url}/graphql`);
    expect((await agent.signIn('member@parvis.test', 'parvis-demo-2026')).errors).toBeUndefined();
    const { search } = await agent.data<{ search: { rank: number }[] }>(
      `{ search(query: "android", first: 5) { rank } }`,
    );
    expect(search.length).toBeGreaterThan(0);
    // Not seeded a second time: the restored community is the only one.
    expect((await tableCounts(restored)).users).toBe((await tableCounts(original)).users);
  });

  it('restores only into an empty database', async () => {
    await expect(restore(original, file)).rejects.toThrow(/The database is not empty/);
  });

  it('refuses a truncated backup and leaves the database empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const truncated = join(folder, 'truncated.json.gz');
    writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const empty = await createDatabase();
    await expect(restore(empty, truncated)).rejects.toThrow(/truncated/);
    expect((await tableCounts(empty)).posts).toBe(0);
  });
});
