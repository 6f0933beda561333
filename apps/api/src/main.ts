import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp, listen } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { databaseUrls } from './database/roles';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { seedDemoIfEmpty } from './seed/demo-seed';

const logger = new Logger('Parvis');

async function main(): Promise<void> {
  const config = loadConfig();

  let embedded: EmbeddedPostgres | null = null;
  let app: INestApplication | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping.`);
    await app?.close().catch((error: unknown) => logger.error(error));
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log('No DATABASE_URL: starting the embedded PostgreSQL...');
    embedded = await EmbeddedPostgres.start({
      dataDir: config.dataDir,
      database: 'parvis',
      log: (line) => logger.log(line),
    });
    databaseUrl = embedded.url('parvis');
    logger.log(`Embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir}).`);
  }

  const urls = databaseUrls(databaseUrl, config.migrationDatabaseUrl, embedded);
  const ran = await runMigrations(urls.migrations);
  if (ran.length > 0) logger.log(`Migrations run: ${ran.join(', ')}`);

  app = await createApp({ ...config, databaseUrl: urls.runtime });
  // Before listening: the demo is written through the application's services.
  if (config.seedDemo && (await seedDemoIfEmpty(app))) logger.log('Seeded the demo community.');
  try {
    await listen(app, config.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${config.port} is already in use. Stop what uses it, or start on another port: PORT=3001 npm start`,
      );
    }
    throw error;
  }

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  Parvis is running: ${base}`,
    `  GraphQL API:       ${base}/graphql`,
    `  Health check:      ${base}/health`,
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
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
