// Starts one throwaway PostgreSQL for the whole test run (every test file then creates its own
// database in it), unless DATABASE_URL points at a server to use instead. Written as .mjs and
// importing the compiled API because Jest's module loader cannot load the ESM binaries package.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

// The API under test connects as a runtime role that owns nothing (apps/api/src/database/roles.ts),
// as in production: the whole suite then proves that its privileges suffice.
export default async function globalSetup() {
  let api;
  try {
    api = {
      ...require('../../apps/api/dist/database/embedded-postgres.js'),
      ...require('../../apps/api/dist/database/roles.js'),
    };
  } catch {
    throw new Error(
      'The API is not built: run the tests with `npm test` (it builds first), or run `npx nx build api`.',
    );
  }
  if (process.env.DATABASE_URL) {
    process.env.PARVIS_TEST_SERVER_URL = process.env.DATABASE_URL;
    // The same for every run on this server: a run does not change the password under another.
    const password = createHash('sha256')
      .update(`parvis-test-runtime:${process.env.DATABASE_URL}`)
      .digest('hex');
    await api.ensureRuntimeRole(process.env.DATABASE_URL, password, api.RUNTIME_LOGIN);
    process.env.PARVIS_TEST_RUNTIME_USER = api.RUNTIME_LOGIN;
    process.env.PARVIS_TEST_RUNTIME_PASSWORD = password;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-test-pg-'));
  chmodSync(dataDir, 0o755);
  const server = await api.EmbeddedPostgres.start({ dataDir, database: 'postgres' });
  globalThis.__PARVIS_TEST_PG__ = { server, dataDir };
  process.env.PARVIS_TEST_SERVER_URL = server.url('postgres');
  process.env.PARVIS_TEST_RUNTIME_USER = server.runtimeCredentials.user;
  process.env.PARVIS_TEST_RUNTIME_PASSWORD = server.runtimeCredentials.password;
}
