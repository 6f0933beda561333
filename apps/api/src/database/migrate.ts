import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { prepareQueueSchema } from './queue-schema';

/** Any constant: the key of the advisory lock that serialises migrations across API processes. */
const MIGRATION_LOCK = 727_384_101;

/**
 * Runs the pending migrations, each in its own transaction. Several API processes may start
 * at once against one database: the first takes the lock and migrates, the others wait and
 * then find nothing left to run. Migrations are SQL and need no entity. Then the queue's schema
 * is installed for the runtime role (queue-schema.ts).
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, []), extra: { max: 2 } });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    await prepareQueueSchema(dataSource);
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
