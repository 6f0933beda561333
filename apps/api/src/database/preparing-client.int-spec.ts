import { DataSource, QueryRunner } from 'typeorm';
import { createDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { PREPARED_PER_CONNECTION } from './preparing-client';

let url: string;
beforeAll(async () => {
  url = await createDatabase();
});

/** One connection of a data source opened as the API opens it, and what it has prepared. */
async function connection(preparedStatements?: boolean) {
  const dataSource = await new DataSource(dataSourceOptions(url, [], { preparedStatements })).initialize();
  const runner: QueryRunner = dataSource.createQueryRunner();
  const prepared = async (): Promise<string[]> =>
    (await runner.query(`SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`)).map(
      (r: { statement: string }) => r.statement,
    );
  return { runner, prepared, close: () => runner.release().then(() => dataSource.destroy()) };
}

describe('statements prepared once per connection', () => {
  it('prepares a statement with parameters the first time and reuses it after, whatever its values', async () => {
    const { runner, prepared, close } = await connection();
    try {
      const sum = 'SELECT $1::int + $2::int AS n';
      expect(await runner.query(sum, [1, 2])).toEqual([{ n: 3 }]);
      expect(await runner.query(sum, [40, 2])).toEqual([{ n: 42 }]);
      expect((await prepared()).filter((s) => s === sum)).toHaveLength(1);
      // Without parameters a statement goes as it is (BEGIN, COMMIT, SET…).
      await runner.query('SELECT 1 AS one');
      expect(await prepared()).not.toContain('SELECT 1 AS one');
    } finally {
      await close();
    }
  });

  it('keeps answering after a statement that failed to prepare or to run, and fails it the same way again', async () => {
    const { runner, close } = await connection();
    try {
      const broken = 'SELECT no_such_column FROM pg_class WHERE relname = $1';
      await expect(runner.query(broken, ['pg_class'])).rejects.toThrow(/no_such_column/);
      await expect(runner.query(broken, ['pg_class'])).rejects.toThrow(/no_such_column/);
      const division = 'SELECT 1 / $1::int AS n';
      await expect(runner.query(division, [0])).rejects.toThrow(/division by zero/);
      expect(await runner.query(division, [1])).toEqual([{ n: 1 }]);
    } finally {
      await close();
    }
  });

  it(`prepares at most ${PREPARED_PER_CONNECTION} texts per connection, and sends the next ones unprepared`, async () => {
    const { runner, prepared, close } = await connection();
    try {
      for (let n = 0; n < PREPARED_PER_CONNECTION + 5; n += 1) {
        expect(await runner.query(`SELECT $1::int + ${n} AS n`, [1])).toEqual([{ n: n + 1 }]);
      }
      const ours = (await prepared()).filter((s) => /^SELECT \$1::int \+ \d+ AS n$/.test(s));
      expect(ours).toHaveLength(PREPARED_PER_CONNECTION);
      expect(ours).not.toContain(`SELECT $1::int + ${PREPARED_PER_CONNECTION} AS n`);
    } finally {
      await close();
    }
  });

  it('prepares nothing when turned off (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    const { runner, prepared, close } = await connection(false);
    try {
      await runner.query('SELECT $1::int AS n', [1]);
      expect(await prepared()).toEqual([]);
    } finally {
      await close();
    }
  });
});
