import { DataSource } from 'typeorm';
import { appDataSource } from '../testing/app-data-source';
import { createDatabase } from '../testing/test-database';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';
import { RUNTIME_GROUP } from './roles';
import { pendingSchemaChanges } from './schema-drift';

let url: string;
let dataSource: DataSource;
beforeAll(async () => {
  url = await createDatabase();
  await runMigrations(url);
  dataSource = await appDataSource(url);
});
afterAll(() => dataSource.destroy());

describe('migrations', () => {
  it('agree with the entities: nothing is left to generate on a migrated database', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });

  it('run once: a second run (another API process starting) finds nothing to do', async () => {
    expect(await runMigrations(url)).toEqual([]);
  });

  it('still hand the queue to the runtime when nothing is left to run (a start stopped between the two)', async () => {
    const ownerOfJobs = async () =>
      (
        await dataSource.query<{ owner: string }[]>(
          `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'pgboss.job'::regclass`,
        )
      )[0].owner;
    await dataSource.query('ALTER TABLE pgboss.job OWNER TO current_user');
    expect(await ownerOfJobs()).not.toBe(RUNTIME_GROUP);
    expect(await runMigrations(url)).toEqual([]);
    expect(await ownerOfJobs()).toBe(RUNTIME_GROUP);
  });

  it('all have a working down: undone one by one, then run again, they leave the same schema', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      ),
    ).toEqual([{ n: 0 }]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });
});
