import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpServer } from '../testing/smtp-test-server';
import { createDatabase, GraphQLAgent, startTestApp } from '../testing/test-app';

/**
 * The API killed (SIGKILL) after the event committed, while its worker is mid-send (the SMTP
 * server stalls the message's content): another process takes the job over once its timeout
 * passes and the mail arrives exactly once.
 */
const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const SECRET = 'the secret both processes share, at least 32 chars';
const MAIL_ENV = { SESSION_SECRET: SECRET, MAIL_SEND_TIMEOUT_SECONDS: '3', MAIL_RETRY_DELAY_SECONDS: '1' };

async function startBuiltApi(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      WEB_DIST: '',
      SEED_DEMO: 'false',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`The API did not start:\n${output}`);
}

it('a crash between commit and send still delivers the mail exactly once', async () => {
  if (!existsSync(MAIN)) throw new Error('Build the API first (npm test does): npx nx build api');
  // An empty database: the built API migrates it at start-up, as in production.
  const databaseUrl = await createDatabase();
  const stalling = await startSmtpServer({ stallData: true });
  const port = 39_881;
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-crash-'));
  const child = await startBuiltApi(
    {
      ...MAIL_ENV,
      DATABASE_URL: databaseUrl,
      SMTP_URL: stalling.url,
      PARVIS_DATA_DIR: dataDir,
    },
    port,
  );
  let killed = false;
  try {
    const email = 'crash@example.com';
    await new GraphQLAgent(`http://127.0.0.1:${port}/graphql`).data(
      `mutation ($input: RegisterInput!) { register(input: $input) { email } }`,
      { input: { email, displayName: 'Crash Test', password: 'a long test passphrase', locale: 'en' } },
    );
    // The worker is sending: the server has the envelope and is receiving the content. Kill it now.
    await stalling.waitForData();
    child.kill('SIGKILL');
    killed = true;
    await new Promise((resolve) => child.once('exit', resolve));
    expect(stalling.received).toHaveLength(0);

    const healthy = await startSmtpServer();
    const survivor = await startTestApp({ ...MAIL_ENV, SMTP_URL: healthy.url }, databaseUrl);
    try {
      const [mail] = await healthy.waitForMails(1, 40_000);
      expect(mail.to).toEqual([email]);
      expect(mail.subject).toBe('Confirm your e-mail address for Parvis');
      // The token sealed by the killed process opens in the survivor: the link is whole.
      expect(mail.text).toMatch(/confirm-email\?token=[\w-]{43}/);
      await new Promise((r) => setTimeout(r, 5000)); // a duplicate would have arrived by now
      expect(healthy.received).toHaveLength(1);
      const rows = await survivor.db.query(`SELECT status, attempts FROM mail_outbox WHERE to_address = $1`, [
        email,
      ]);
      // The killed attempt's transaction never committed: the row counts the send that worked.
      expect(rows).toEqual([{ status: 'SENT', attempts: 1 }]);
    } finally {
      await survivor.close();
      await healthy.stop();
    }
  } finally {
    if (!killed) child.kill('SIGKILL');
    await stalling.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
