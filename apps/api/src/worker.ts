import { Logger } from '@nestjs/common';
import { createApp, listen } from './app.factory';
import type { PrimaryMessage, WorkerMessage } from './api-processes';
import { AppConfig } from './config/config';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { startupCompileCache } from './startup-compile-cache';

const logger = new Logger('Parvis');

/**
 * Starts the API in this process: the Nest application on `databaseUrl`, the demo written first
 * when asked and the database has no one yet, then listening on the port (shared by every API
 * process under the cluster). Resolves with the function that closes it.
 */
export async function startApi(
  config: AppConfig,
  databaseUrl: string,
  options: { seedDemo: boolean },
): Promise<() => Promise<void>> {
  const app = await createApp({ ...config, databaseUrl });
  // Before listening: the demo is written through the application's services.
  if (options.seedDemo && (await seedDemoIfEmpty(app))) logger.log('Seeded the demo community.');
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
  return () => app.close();
}

/**
 * One API process of the cluster (api-processes.ts forks it): it loads its code, asks the primary
 * for the database (ready once the primary has started and migrated it), starts the API and says
 * so. It stops on SIGINT/SIGTERM (a Ctrl-C reaches every process of the terminal's group), and
 * when the primary is gone, so that no API process outlives the database's owner.
 */
export async function runWorker(config: AppConfig): Promise<void> {
  let stopApi: (() => Promise<void>) | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopApi?.().catch((error: Error) => logger.error(error.stack ?? error.message));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  // The primary may have gone while this process loaded its code (it failed to start).
  if (!process.connected) return void (await stop());

  const start = await new Promise<Extract<PrimaryMessage, { type: 'parvis:start' }>>((resolve) => {
    process.on('message', (message: PrimaryMessage) => {
      if (message?.type === 'parvis:start') resolve(message);
    });
    send({ type: 'parvis:waiting' });
  });
  const close = await startApi(config, start.databaseUrl, { seedDemo: start.seedDemo });
  if (stopping) return void (await close());
  stopApi = close;
  send({ type: 'parvis:ready' });
  // Once after a build: what this process compiled, kept for the next start.
  startupCompileCache?.save();
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}
