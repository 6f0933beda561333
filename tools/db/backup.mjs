// npm run backup [FILE]: a consistent backup of Parvis's database (apps/api/src/database/backup.ts),
// taken while Parvis may keep running. FILE defaults to parvis-backup-<date>-<time>.json.gz here.
import { ownerDatabase, api, summary } from './owner-database.mjs';

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const file = process.argv[2] ?? `parvis-backup-${stamp}.json.gz`;

const database = await ownerDatabase();
try {
  const { backup } = api('backup.js');
  const result = await backup(database.url, file);
  console.log(`Backed up ${database.where} to ${file}: ${summary(result.tables)}.`);
} catch (error) {
  console.error(`Backup failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
