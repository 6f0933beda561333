// Starts one throwaway PostgreSQL for the whole test run (every test file then creates its own
// database in it), unless DATABASE_URL points at a server to use instead. Written as .mjs and
// importing the compiled API because Jest's module loader cannot load the ESM binaries package.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.PARVIS_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  let EmbeddedPostgres;
  try {
    ({ EmbeddedPostgres } = require('../../apps/api/dist/database/embedded-postgres.js'));
  } catch {
    throw new Error(
      'The API is not built: run the tests with `npm test` (it builds first), or run `npx nx build api`.',
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-test-pg-'));
  chmodSync(dataDir, 0o755);
  const server = await EmbeddedPostgres.start({ dataDir, database: 'postgres' });
  globalThis.__PARVIS_TEST_PG__ = { server, dataDir };
  process.env.PARVIS_TEST_SERVER_URL = server.url('postgres');
}
