// The database the backup and restore tools work on, as its OWNER (who may read every table and
// hold triggers off while restoring): MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded
// PostgreSQL of PARVIS_DATA_DIR (the running one if Parvis is up, else started for the tool).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const REPO_ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export function api(module) {
  try {
    return require(join(REPO_ROOT, 'apps', 'api', 'dist', 'database', module));
  } catch (error) {
    throw new Error(`The API is not built (npm run backup builds it first): ${error.message}`);
  }
}

export async function ownerDatabase() {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return { url, where: new URL(url).host + new URL(url).pathname, stop: async () => undefined };
  const { EmbeddedPostgres } = api('embedded-postgres.js');
  const dataDir = resolve(process.env.PARVIS_DATA_DIR ?? join(REPO_ROOT, '.data'));
  const { url: embeddedUrl, stop } = await EmbeddedPostgres.open({
    dataDir,
    database: 'parvis',
    log: (line) => console.log(line),
  });
  return { url: embeddedUrl, where: `the embedded PostgreSQL in ${dataDir}`, stop };
}

export function summary(tables) {
  const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
  return `${Object.keys(tables).length} tables, ${rows} rows`;
}
