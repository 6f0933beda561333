import { ApiProcess, startApiProcess } from '../testing/api-process';
import { createDatabase } from '../testing/test-database';
import { OWNER_ROLE_WARNING } from './roles';

/**
 * With DATABASE_URL alone (no MIGRATION_DATABASE_URL), the API connects as the owner, and the
 * database's own protections (no delete, a revision for every change) are the API's to switch
 * off: Parvis says so at every start, and `/health` tells which role it connects as.
 */
let url: string;
const started: ApiProcess[] = [];

beforeAll(async () => {
  url = await createDatabase();
});
afterAll(() => Promise.all(started.map((api) => api.stop())));

async function health(api: ApiProcess): Promise<{ databaseRole: string }> {
  return (await (await fetch(`${api.url}/health`)).json()) as { databaseRole: string };
}

it('warns at start, and /health says "owner", when the API connects as the owner', async () => {
  const api = await startApiProcess(url, { DATABASE_URL: url, MIGRATION_DATABASE_URL: '' });
  started.push(api);
  expect(api.output()).toContain(` WARN [Parvis] ${OWNER_ROLE_WARNING}`);
  expect((await health(api)).databaseRole).toBe('owner');
});

it('says nothing, and /health says "runtime", with the two roles', async () => {
  const api = await startApiProcess(url);
  started.push(api);
  expect(api.output()).not.toContain(OWNER_ROLE_WARNING);
  expect((await health(api)).databaseRole).toBe('runtime');
});
