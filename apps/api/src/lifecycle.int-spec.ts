import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './testing/api-process';
import { GraphQLAgent } from './testing/test-app';

/**
 * `npm start` as a new user meets it: the compiled API with no DATABASE_URL, so it starts its
 * own embedded PostgreSQL. These tests run the real process and send it real signals.
 */
const MAIN = join(__dirname, '..', 'dist', 'main.js');
let dataDir: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('Build the API first (npm test does): npx nx build api');
  dataDir = mkdtempSync(join(tmpdir(), 'parvis-lifecycle-'));
  chmodSync(dataDir, 0o755);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
}

async function start(env: Record<string, string> = {}): Promise<Started> {
  // A port no one holds now (a fixed one may be taken by another test file or program on a busy machine).
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PARVIS_DATA_DIR: dataDir,
      PORT: String(port),
      WEB_DIST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url, port, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`Parvis did not start:\n${output}`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
}

function postgresRunningFor(dir: string): boolean {
  const pids = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return pids
    .split('\n')
    .some((line) => line.includes(join(dir, 'cluster')) || line.includes(dir.split('/').pop()! + '/cluster'));
}

describe('starting and stopping Parvis with the embedded PostgreSQL', () => {
  it('prints the address and the demo accounts, stops cleanly on SIGTERM, and keeps the accounts for the next start', async () => {
    const first = await start();
    expect(first.output()).toContain(`Parvis is running: http://localhost:${first.port}`);
    expect(first.output()).toContain('admin@parvis.test');
    const agent = new GraphQLAgent(`${first.url}/graphql`);
    const { email } = await agent.registerMember('Kept Across Restarts');

    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(postgresRunningFor(dataDir)).toBe(false);

    const second = await start();
    try {
      const again = new GraphQLAgent(`${second.url}/graphql`);
      expect((await again.signIn(email)).errors).toBeUndefined();
      // The demo community is seeded once, not again on the second start.
      expect(second.output()).not.toContain('Seeded the demo community');
      const { spaces } = await again.data('{ spaces { slug } }');
      expect(spaces).toHaveLength(3);
    } finally {
      second.child.kill('SIGINT');
      expect(await exitOf(second.child)).toBe(0);
    }
    expect(postgresRunningFor(dataDir)).toBe(false);
    expect(readFileSync(join(dataDir, 'postgres.log'), 'utf8')).toMatch(/database system is shut down/);
  });

  it('a second start from the same folder refuses, and leaves the running Parvis and its database alone', async () => {
    const running = await start();
    try {
      const second = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PARVIS_DATA_DIR: dataDir,
          PORT: String(await freePort()),
          WEB_DIST: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      second.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      expect(await exitOf(second)).toBe(1);
      expect(stderr).toMatch(/Parvis is already running from .* \(process \d+\)\. Stop it first/);
      const health = await fetch(`${running.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      running.child.kill('SIGTERM');
      expect(await exitOf(running.child)).toBe(0);
    }
  });

  it('refuses to start on a wrong setting, naming the variable and the reason', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PARVIS_DATA_DIR: dataDir, PORT: 'eighty', SESSION_SECRET: 'short' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain('PORT is "eighty"; it must be a whole number from 1 to 65535.');
    expect(stderr).toContain('SESSION_SECRET must be at least 32 characters long');
  });
});
