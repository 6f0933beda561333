import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../api/src/database/embedded-postgres';
import { createDatabase, runtimeUrl } from '../../../api/src/testing/test-database';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface RunningParvis {
  baseUrl: string;
  databaseUrl: string;
  /** The server's data folder (PARVIS_DATA_DIR): members' photos are under `uploads/`. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts Parvis as `npm start` runs it (the built API serving the built web app), on a free
 * port, with a fresh database seeded with the demo community. One per test file.
 */
export async function startParvis(): Promise<RunningParvis> {
  const main = join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js');
  if (!existsSync(main) || !existsSync(join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html'))) {
    throw new Error('Parvis is not built: run the browser tests with `npm test` (it builds first).');
  }
  const databaseUrl = await createDatabase('parvis_e2e');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-e2e-'));
  const child = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      // As in production: migrations as the owner, the API as the runtime role.
      DATABASE_URL: runtimeUrl(databaseUrl),
      MIGRATION_DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
      // Every browser signs up from 127.0.0.1.
      REGISTER_LIMIT_PER_ADDRESS: '100000',
      // Mail goes to the built-in catcher (/staff/mail), with links back to this server.
      SMTP_URL: '',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PARVIS_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  return { baseUrl, databaseUrl, dataDir, stop: () => stop(child) };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Parvis stopped while starting:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`Parvis did not answer /health within 60 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
