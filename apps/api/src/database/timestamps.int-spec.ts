import { DataSource } from 'typeorm';
import { createDatabase } from '../testing/test-database';
import { dataSourceOptions } from './data-source-options';

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await new DataSource(dataSourceOptions(await createDatabase(), [])).initialize();
});
afterAll(() => dataSource.destroy());

describe('timestamps read from PostgreSQL', () => {
  it.each(['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'America/Sao_Paulo'])(
    'are the instants PostgreSQL holds, in a session whose time zone is %s',
    async (zone) => {
      const rows = await dataSource.transaction(async (tx) => {
        await tx.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
        return tx.query<{ at: Date; text: string; ms: string }[]>(
          `SELECT at, at::text AS text, (extract(epoch FROM at) * 1000)::bigint::text AS ms
             FROM unnest($1::timestamptz[]) AS at`,
          [
            [
              '2026-11-27T10:11:57.123456Z',
              '2026-03-29T01:30:00Z',
              '1999-12-31T23:59:59.999Z',
              '0150-06-01T12:00:00Z',
              '9999-12-31T23:59:59Z',
            ],
          ],
        );
      });
      for (const row of rows) {
        expect(row.at).toBeInstanceOf(Date);
        expect([row.text, row.at.getTime()]).toEqual([row.text, Math.floor(Number(row.ms))]);
      }
    },
  );
});
