import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeUrl } from './test-database';

/** The compiled API, as `npm start` runs it. */
export const API_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API (apps/api/dist/main.js) as its own operating-system process on an
 * existing database, and waits until it answers `/health`. Several of them with the same
 * database and SESSION_SECRET are what runs behind a load balancer.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error('Build the API first (npm test does): npx nx build api');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-process-'));
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      // As in production: migrations as the owner, the API as the runtime role.
      DATABASE_URL: runtimeUrl(databaseUrl),
      MIGRATION_DATABASE_URL: databaseUrl,
      PARVIS_DATA_DIR: dataDir,
      PORT: String(port),
      WEB_DIST: '',
      SEED_DEMO: 'false',
      REGISTER_LIMIT_PER_ADDRESS: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  throw new Error(`The API process did not start:\n${output}`);
}
