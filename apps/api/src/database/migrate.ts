import { Client } from 'pg';
import { MIGRATIONS } from './migrations';
import { prepareQueueSchema } from './queue-schema';

/** Any constant: the key of the advisory lock that serialises migrations across API processes. */
const MIGRATION_LOCK = 727_384_101;

/**
 * Runs the pending migrations, each in its own transaction. Several API processes may start
 * at once against one database: the first takes the lock and migrates, the others wait and
 * then find nothing left to run. Migrations are SQL and need no entity. Then the queue's schema
 * is installed for the runtime role (queue-schema.ts).
 *
 * Most starts have nothing to run: that is seen on one plain connection, from the names the
 * migrations table holds, and TypeORM (a third of a second to load, in the process that owns the
 * start) is loaded only when some migration is missing.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (await allRecorded(client)) {
      await prepareQueueSchema({
        query: async <T>(sql: string, parameters?: unknown[]) =>
          (await client.query(sql, parameters)).rows as T,
      });
      return [];
    }
    // This connection holds the lock while TypeORM migrates on its own connections.
    return await migrate(url);
  } finally {
    // The lock is this session's: ending the connection releases it, whatever happened above.
    await client.end();
  }
}

/** Whether the migrations table records every migration of this build. */
async function allRecorded(client: Client): Promise<boolean> {
  const { rows: table } = await client.query<{ found: boolean }>(
    `SELECT to_regclass('migrations') IS NOT NULL AS found`,
  );
  if (!table[0].found) return false;
  const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations');
  const recorded = new Set(rows.map((row) => row.name));
  return MIGRATIONS.every((migration) => recorded.has(new migration().name ?? migration.name));
}

async function migrate(url: string): Promise<string[]> {
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('./data-source-options');
  const dataSource = new DataSource({ ...dataSourceOptions(url, []), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    await prepareQueueSchema(dataSource);
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
