import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_ENTITIES } from '../app-entities';
import { dataSourceOptions } from '../database/data-source-options';

/**
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

/** A data source on `url` that knows the app's entities, as the API opens it (migrations not run). */
export function appDataSource(url: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, APP_ENTITIES)).initialize();
}
