import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Kept free of entities and Nest: the browser tests (apps/web-e2e) use it too, compiled without decorators.
 *
 * A new, empty database on the test run's PostgreSQL (started by Jest's global setup, or the
 * server of DATABASE_URL), so that each test file starts from nothing. Returns its URL.
 */
export async function createDatabase(prefix = 'parvis_test'): Promise<string> {
  const serverUrl = process.env.PARVIS_TEST_SERVER_URL;
  if (!serverUrl)
    throw new Error('No test PostgreSQL: run the tests through Jest’s global setup (npm test).');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `url` as the API connects to it: as the test run's runtime role (set up by Jest's global setup,
 * like the embedded PostgreSQL does for `npm start`), which owns nothing and may not delete
 * content; so every test that goes through the API also proves those privileges suffice.
 */
export function runtimeUrl(url: string): string {
  const user = process.env.PARVIS_TEST_RUNTIME_USER;
  const password = process.env.PARVIS_TEST_RUNTIME_PASSWORD;
  if (!user || password === undefined)
    throw new Error('No test runtime role: run the tests through Jest’s global setup (npm test).');
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
