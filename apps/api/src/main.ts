// First: every module loaded after this one is compiled through the start-up compile cache.
import { startupCompileCache } from './startup-compile-cache';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { ApiProcesses } from './api-processes';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { databaseRoleOf, databaseUrls, OWNER_ROLE_WARNING } from './database/roles';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { startupLog } from './startup-log';

/*
 * `npm start`. This process owns the database and the terminal; the API answers in
 * WEB_CONCURRENCY processes (Node's cluster, one per core by default) sharing the port: this
 * file is the primary's sequence, worker.ts an API process's. With WEB_CONCURRENCY=1 the API runs
 * in this very process, as a single process always did. Only light modules are imported here:
 * the API's code (Nest, Apollo, TypeORM: seconds to load) is loaded by the processes that run it.
 */

const log = startupLog('Parvis');

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) {
    await (await import('./worker')).runWorker(config);
    return;
  }

  // Step 1: the first API process starts loading its code at once, while the database starts.
  const processes =
    config.webConcurrency > 1
      ? new ApiProcesses(config.webConcurrency, __filename, config.semiSpaceMb)
      : null;
  let embedded: EmbeddedPostgres | null = null;
  let stopApi: (() => Promise<void>) | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping.`);
    await processes?.stop();
    await stopApi?.().catch((error: unknown) => log.error(error));
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // Step 2: the database (the embedded PostgreSQL, unless DATABASE_URL names one).
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config);
    databaseUrl = embedded.url('parvis');
  }

  // Step 3: its schema, once, before any API process uses it, as the owner role; the API
  // processes connect as the runtime role, which owns nothing (database/roles.ts).
  const urls = databaseUrls(databaseUrl, config.migrationDatabaseUrl, embedded);
  const { runMigrations } = await import('./database/migrate');
  const ran = await runMigrations(urls.migrations);
  if (ran.length > 0) log(`Migrations run: ${ran.join(', ')}`);
  if ((await databaseRoleOf(urls.runtime)) === 'owner') log.warn(OWNER_ROLE_WARNING);
  // Bodies stored before remote images went through the media proxy, rendered again (as the
  // owner), once per database: later starts find the job recorded and skip its scan.
  const { runOnce } = await import('./database/run-once');
  const { REMOTE_IMAGES_BACKFILL, rerenderRemoteImages } = await import('./media/rerender-html');
  const rerendered = await runOnce(urls.migrations, REMOTE_IMAGES_BACKFILL, () =>
    rerenderRemoteImages(urls.migrations, config.sessionSecret),
  );
  for (const [table, rows] of Object.entries(rerendered ?? {}))
    log(`Remote images now shown through the media proxy: ${rows} rows of ${table} rendered again.`);

  // Step 4: the API. The demo is written once, before anyone is answered, by the first API process.
  if (processes) {
    await processes.start(urls.runtime, { seedDemo: config.seedDemo });
  } else {
    const { startApi } = await import('./worker');
    stopApi = await startApi(config, urls.runtime, { seedDemo: config.seedDemo });
  }

  // Step 5: tell the person who started it.
  printBanner(config, processes?.count ?? 1);
  // Once after a build: what this process compiled, kept for the next start.
  startupCompileCache?.save();
}

async function startEmbeddedDatabase(config: AppConfig): Promise<EmbeddedPostgres> {
  log('No DATABASE_URL: starting the embedded PostgreSQL...');
  const embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir, database: 'parvis', log });
  log(`Embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir}).`);
  return embedded;
}

function printBanner(config: AppConfig, processes: number): void {
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  Parvis is running: ${base}`,
    `  GraphQL API:       ${base}/graphql`,
    `  Health check:      ${base}/health`,
    `  API processes:     ${processes} (WEB_CONCURRENCY)`,
  ];
  if (!config.webDist) lines.push('  (WEB_DIST is empty: the web app is not served by this process)');
  if (config.seedDemo) {
    lines.push('', `  Demo accounts (password: ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.role.toLowerCase().padEnd(10)} ${account.email}`);
  }
  lines.push('', '  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
