// npm run restore FILE: restores a backup (npm run backup) into an EMPTY database: a new
// PARVIS_DATA_DIR for the embedded PostgreSQL, or a new database for DATABASE_URL
// (MIGRATION_DATABASE_URL: its owner). Then start Parvis on it as usual.
import { ownerDatabase, api, summary } from './owner-database.mjs';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore FILE (a backup written by npm run backup), into an empty database.');
  process.exit(2);
}

const database = await ownerDatabase();
try {
  const { restore } = api('backup.js');
  const result = await restore(database.url, file);
  console.log(`Restored ${file} into ${database.where}: ${summary(result.tables)}.`);
} catch (error) {
  console.error(`Restore failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
