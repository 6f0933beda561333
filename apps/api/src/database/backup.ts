import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';
import { prepareQueueSchema } from './queue-schema';

/**
 * Backup and restore without pg_dump (the embedded PostgreSQL ships none, and a distribution's
 * pg_dump refuses a newer server). A backup is gzipped JSON lines, written from ONE
 * `REPEATABLE READ READ ONLY` transaction, so it is one consistent snapshot while Parvis keeps
 * running: a header (format, the migrations the database had, its sequences), then each table
 * of the `public` schema (its columns, its rows as JSON, the row count), then an end line (a
 * truncated file is refused). The schema itself is not in the file: a restore runs the same
 * migrations into an EMPTY database, loads every table with triggers held off (the rows already
 * carry what the triggers computed: vote counts, search vectors, revisions), resets the
 * sequences, then runs any migration newer than the backup.
 *
 * pg-boss's queue (schema `pgboss`) is in it too, after the tables: its queues and the jobs still
 * to run (`created`, `retry`, and `active` ones, which run again after the restore: handlers are
 * idempotent), i.e. mails waiting to be sent (their outbox rows are in `public`) and the timed
 * checks the domains scheduled (a campaign's closing, an answer deadline). Finished jobs (kept by
 * pg-boss a while for inspection) and the recurring schedules (re-created at every start) are not.
 */
export const BACKUP_FORMAT = 'parvis-backup/2';
/** Backups without the queue section (restored the same way; their pending jobs were not kept). */
const FORMATS = ['parvis-backup/1', BACKUP_FORMAT];

/** pg-boss's schema (database/queue-schema.ts) and what a backup keeps of it. */
const QUEUE_SCHEMA = 'pgboss';
const QUEUE_JOBS = `${QUEUE_SCHEMA}.job`;
const PENDING_STATES = `('created', 'retry', 'active')`;

interface QueueRow {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  retry_delay: number | null;
  retry_backoff: boolean | null;
  expire_seconds: number | null;
  retention_minutes: number | null;
  dead_letter: string | null;
}

const BATCH = 1000;

export interface BackupSummary {
  migrations: string[];
  /** Rows per table. */
  tables: Record<string, number>;
}

interface Header {
  format: string;
  createdAt: string;
  migrations: string[];
  sequences: { name: string; value: string | null }[];
}

/** Writes a consistent backup of the database at `url` (the owner's, or any role that can read every table) to `file`. */
export async function backup(url: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (value: unknown, raw = false) => {
    if (!gzip.write(`${raw ? String(value) : JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const tables: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows;
    const sequences = (
      await client.query<{ name: string; value: string | null }>(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      )
    ).rows;
    const header: Header = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.name),
      sequences,
    };
    await write(header);
    for (const table of await publicTables(client)) {
      const columns = await writableColumns(client, table);
      await write({ table, columns });
      const list = columns.map((c) => client.escapeIdentifier(c)).join(', ');
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM (SELECT ${list} FROM ${client.escapeIdentifier(table)}) t`,
      );
      let rows = 0;
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        for (const { row } of batch.rows) await write(row, true);
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE dump');
      await write({ end: table, rows });
      tables[table] = rows;
    }
    if (await hasQueue(client)) {
      const queues = (
        await client.query<QueueRow>(
          `SELECT name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_minutes, dead_letter
             FROM ${QUEUE_SCHEMA}.queue ORDER BY dead_letter IS NOT NULL, name`,
        )
      ).rows;
      await write({ table: QUEUE_JOBS, queues });
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(j)::text AS row FROM ${QUEUE_JOBS} j
          WHERE state IN ${PENDING_STATES} ORDER BY created_on, id`,
      );
      let rows = 0;
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        for (const { row } of batch.rows) await write(row, true);
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE dump');
      await write({ end: QUEUE_JOBS, rows });
      tables[QUEUE_JOBS] = rows;
    }
    await write({ done: true, tables });
    await client.query('COMMIT');
    gzip.end();
    await finished(out);
    return { migrations: header.migrations, tables };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the EMPTY database at `url`, as its owner (a superuser, or a role allowed
 * to set `session_replication_role`, to hold triggers off while loading). Refuses a database
 * that has tables, a backup from a Parvis newer than this one, and a truncated file.
 */
export async function restore(url: string, file: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const line: IteratorResult<string> = await iterator.next();
    return line.done ? null : line.value;
  };

  const header = JSON.parse((await next()) ?? '{}') as Header;
  if (!FORMATS.includes(header.format))
    throw new Error(`${file} is not a Parvis backup (${FORMATS.join(' or ')}).`);
  const known = MIGRATIONS.map((migration) => new migration().name);
  const upTo = header.migrations.length;
  if (header.migrations.some((name, i) => known[i] !== name)) {
    throw new Error(
      `${file} comes from a different version of Parvis (its migrations are not this version's first ${upTo}): ` +
        'restore it with the version that wrote it, then upgrade.',
    );
  }

  const client = new Client({ connectionString: url });
  await client.connect();
  const tables: Record<string, number> = {};
  try {
    const existing = await publicTables(client, true);
    if (existing.length > 0) {
      throw new Error(
        `The database is not empty (it has ${existing.length} tables, e.g. ${existing.slice(0, 3).join(', ')}): ` +
          'restore only into a new, empty database.',
      );
    }
    await migrateTo(url, upTo);

    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
    } catch (error) {
      throw new Error(
        `Restoring needs to hold triggers off (session_replication_role), which only a superuser may, ` +
          `or a role granted it (GRANT SET ON PARAMETER session_replication_role TO <owner>): ${String(error)}`,
      );
    }
    let done = false;
    for (let line = await next(); line !== null; line = await next()) {
      const marker = JSON.parse(line) as {
        table?: string;
        columns?: string[];
        queues?: QueueRow[];
        done?: boolean;
      };
      if (marker.done) {
        done = true;
        break;
      }
      if (marker.table === QUEUE_JOBS && marker.queues) await createQueues(client, marker.queues);
      else if (!marker.table || !marker.columns) throw new Error(`${file} is damaged: a table was expected.`);
      const table = marker.table;
      const insert =
        table === QUEUE_JOBS ? insertPendingJobs() : insertStatement(client, table, marker.columns ?? []);
      let batch: string[] = [];
      let rows = 0;
      for (let row = await next(); ; row = await next()) {
        if (row === null) throw new Error(`${file} is truncated (inside table ${table}).`);
        if (row.startsWith('{"end":')) {
          const end = JSON.parse(row) as { end: string; rows: number };
          if (batch.length > 0) await client.query(insert, [`[${batch.join(',')}]`]);
          rows += batch.length;
          if (end.end !== table || end.rows !== rows)
            throw new Error(`${file} is damaged: ${table} has ${rows} rows, its end line says ${end.rows}.`);
          break;
        }
        batch.push(row);
        if (batch.length === BATCH) {
          await client.query(insert, [`[${batch.join(',')}]`]);
          rows += batch.length;
          batch = [];
        }
      }
      tables[table] = rows;
    }
    if (!done) throw new Error(`${file} is truncated (no end line).`);
    // Running when the backup was taken, held by no worker here: to be taken again.
    if (tables[QUEUE_JOBS])
      await client.query(
        `UPDATE ${QUEUE_JOBS} SET state = 'retry', started_on = NULL WHERE state = 'active'`,
      );
    for (const { name, value } of header.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        client.escapeIdentifier(name),
        value ?? '1',
        value !== null,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    lines.close();
  }
  // A backup from an earlier version: the newer migrations run now, over the restored rows.
  await runMigrations(url);
  return { migrations: header.migrations, tables };
}

/** Counts rows per table of `public` (migrations aside): what a backup and its restore should agree on. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await publicTables(client)) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${client.escapeIdentifier(table)}`,
      );
      counts[table] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function publicTables(client: Client, includeMigrations = false): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ($1 OR c.relname <> 'migrations')
      ORDER BY 1`,
    [includeMigrations],
  );
  return rows.map((row) => row.name);
}

/** Columns a row can be written to (generated columns are computed again by PostgreSQL). */
async function writableColumns(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [client.escapeIdentifier(table)],
  );
  return rows.map((row) => row.name);
}

function insertStatement(client: Client, table: string, columns: string[]): string {
  const name = client.escapeIdentifier(table);
  const list = columns.map((c) => client.escapeIdentifier(c)).join(', ');
  return `INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`;
}

async function hasQueue(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    `${QUEUE_SCHEMA}.queue`,
  ]);
  return rows[0].found;
}

/** The backup's queues, as pg-boss creates them (a partition of the job table each), unless there. */
async function createQueues(client: Client, queues: QueueRow[]): Promise<void> {
  for (const queue of queues) {
    const { rows } = await client.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`, [queue.name]);
    if (rows.length > 0) continue;
    await client.query(`SELECT ${QUEUE_SCHEMA}.create_queue($1, $2::json)`, [
      queue.name,
      JSON.stringify({
        policy: queue.policy,
        retryLimit: queue.retry_limit,
        retryDelay: queue.retry_delay,
        retryBackoff: queue.retry_backoff,
        expireInSeconds: queue.expire_seconds,
        retentionMinutes: queue.retention_minutes,
        deadLetter: queue.dead_letter,
      }),
    ]);
  }
}

/**
 * The pending jobs, each into its queue's partition. A job that was running when the backup was
 * taken is waiting again: no worker holds it in the restored database.
 */
function insertPendingJobs(): string {
  return `INSERT INTO ${QUEUE_JOBS} SELECT (r).* FROM (
      SELECT json_populate_record(NULL::${QUEUE_JOBS}, j.row) AS r FROM json_array_elements($1::json) AS j(row)) p
    ON CONFLICT DO NOTHING`;
}

/** Runs this version's migrations up to the backup's last one: the schema the rows were written under. */
async function migrateTo(url: string, count: number): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, []),
    migrations: MIGRATIONS.slice(0, count),
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    // pg-boss's schema too, for the backup's pending jobs (handed to the runtime role at the end).
    await prepareQueueSchema(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
