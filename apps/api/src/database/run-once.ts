import { Client } from 'pg';

/** A start-up job: its name, and the version of its rule (raised when the rule changes, to run it again). */
export interface MaintenanceJob {
  name: string;
  version: number;
}

/** Any constant: the key of the advisory lock that serialises start-up jobs across starting processes. */
const MAINTENANCE_LOCK = 727_384_102;

/**
 * Runs `work` once per database for this job's name and version, as the owner (`ownerUrl`), and
 * records it in `maintenance_runs` once it has finished; a start that finds the record does one
 * indexed read and nothing else. Several processes starting at once on one database (several
 * hosts on one DATABASE_URL) wait for each other on an advisory lock, and the later ones find the
 * record. A job that fails is not recorded: the next start runs it again, so a job must be safe to
 * run twice. Resolves with what `work` returned, or `null` when it was skipped.
 */
export async function runOnce<T>(
  ownerUrl: string,
  job: MaintenanceJob,
  work: () => Promise<T>,
): Promise<T | null> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const recorded = async () =>
    (
      await client.query('SELECT 1 FROM maintenance_runs WHERE name = $1 AND version = $2', [
        job.name,
        job.version,
      ])
    ).rowCount! > 0;
  try {
    if (await recorded()) return null;
    await client.query('SELECT pg_advisory_lock($1)', [MAINTENANCE_LOCK]);
    if (await recorded()) return null;
    const result = await work();
    await client.query(
      'INSERT INTO maintenance_runs (name, version) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [job.name, job.version],
    );
    return result;
  } finally {
    // The lock is this session's: ending the connection releases it, whatever happened above.
    await client.end();
  }
}
