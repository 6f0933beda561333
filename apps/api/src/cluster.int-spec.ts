import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './database/embedded-postgres';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';

/**
 * `npm start` on a machine with several cores: the compiled API with WEB_CONCURRENCY=2, so one
 * primary (the embedded PostgreSQL's owner) and two API processes sharing the port. A connection
 * stays with the API process that accepted it, so each `Pinned` below talks to one process, and
 * /health says which one answered.
 */
const MAIN = join(__dirname, '..', 'dist', 'main.js');
let dataDir: string;
let parvis: { child: ChildProcess; port: number; output: () => string };

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('Build the API first (npm test does): npx nx build api');
  dataDir = mkdtempSync(join(tmpdir(), 'parvis-cluster-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PARVIS_DATA_DIR: dataDir,
      PORT: String(port),
      WEB_DIST: '',
      WEB_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal's foreground job: a Ctrl-C reaches every process in it.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  parvis = { child, port, output: () => output };
}, 120_000);

afterAll(() => {
  if (parvis?.child.exitCode === null) process.kill(-parvis.child.pid!, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** One kept-alive connection to Parvis: every request on it is answered by the same API process. */
class Pinned {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  cookie: string | null = null;

  async health(): Promise<{ status: string; worker: number } | null> {
    try {
      const { status, body } = await this.send('GET', '/health');
      return status === 200 ? (JSON.parse(body) as { status: string; worker: number }) : null;
    } catch {
      return null;
    }
  }

  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await this.send('POST', '/graphql', JSON.stringify({ query, variables }));
    const result = JSON.parse(body) as { data: T; errors?: unknown[] };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: parvis.port,
          path,
          method,
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          if (cookie) this.cookie = cookie;
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // A connection to a process that just died must fail, not wait.
      req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
      req.end(body);
    });
  }
}

/** Opens connections until one is answered by an API process not in `others`. */
async function connectionToAnotherProcess(others: number[], deadline: number): Promise<[Pinned, number]> {
  while (Date.now() < deadline) {
    if (parvis.child.exitCode !== null) throw new Error(`Parvis stopped:\n${parvis.output()}`);
    const pinned = new Pinned();
    const health = await pinned.health();
    if (health && !others.includes(health.worker)) return [pinned, health.worker];
    pinned.close();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No API process besides ${others.join(', ')} answered:\n${parvis.output()}`);
}

/** The API processes (cluster workers) of the started Parvis; its PostgreSQL is its child too. */
function apiProcesses(): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n');
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === parvis.child.pid && args.join(' ').includes(MAIN))
    .map(([pid]) => Number(pid));
}

describe('npm start with two API processes (WEB_CONCURRENCY=2)', () => {
  let first: Pinned;
  let second: Pinned;
  let firstWorker: number;
  let secondWorker: number;

  beforeAll(async () => {
    const deadline = Date.now() + 100_000;
    [first, firstWorker] = await connectionToAnotherProcess([], deadline);
    [second, secondWorker] = await connectionToAnotherProcess([firstWorker], deadline);
  }, 120_000);
  afterAll(() => {
    first?.close();
    second?.close();
  });

  it('answers on both processes, prints its banner once, and keeps each connection with one process', async () => {
    expect(firstWorker).not.toBe(secondWorker);
    expect((await first.health())?.worker).toBe(firstWorker);
    expect((await second.health())?.worker).toBe(secondWorker);
    expect(parvis.output().match(/Parvis is running/g)).toHaveLength(1);
    expect(parvis.output()).toContain('API processes:     2 (WEB_CONCURRENCY)');
    // The demo was written once, by one process.
    expect(parvis.output().match(/Seeded the demo community/g)).toHaveLength(1);
  });

  it('signed in through one process, the person is signed in on the other (the session lives in PostgreSQL)', async () => {
    const member = DEMO_ACCOUNTS.find((a) => a.role === 'MEMBER')!;
    const { signIn } = await first.graphql<{ signIn: { user: { id: string } } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      { input: { email: member.email, password: DEMO_PASSWORD } },
    );
    second.cookie = first.cookie;
    const { me } = await second.graphql<{ me: { id: string; email: string } | null }>('{ me { id email } }');
    expect(me).toEqual({ id: signIn.user.id, email: member.email });
    expect((await second.health())?.worker).toBe(secondWorker);
  });

  it('a reply written through one process is read through the other', async () => {
    const { spaces } = await first.graphql<{ spaces: { id: string; kind: string }[] }>(
      '{ spaces { id kind } }',
    );
    const help = spaces.find((s) => s.kind === 'HELP')!.id;
    const { createThread } = await first.graphql<{ createThread: { id: string } }>(
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      {
        input: {
          spaceId: help,
          title: 'Written on one process',
          bodyMarkdown: 'Is it read on the other?',
          language: 'en',
        },
      },
    );
    const { reply } = await first.graphql<{ reply: { id: string } }>(
      'mutation ($input: ReplyInput!) { reply(input: $input) { id } }',
      { input: { threadId: createThread.id, bodyMarkdown: 'Yes: the data is in PostgreSQL.' } },
    );
    const { thread } = await second.graphql<{
      thread: { title: string; posts: { edges: { node: { id: string } }[] } };
    }>('query ($id: ID!) { thread(id: $id) { title posts(first: 10) { edges { node { id } } } } }', {
      id: createThread.id,
    });
    expect(thread.title).toBe('Written on one process');
    expect(thread.posts.edges.map((e) => e.node.id)).toContain(reply.id);
    expect((await first.health())?.worker).toBe(firstWorker);
    expect((await second.health())?.worker).toBe(secondWorker);
  });

  it('replaces an API process that dies, while the other keeps answering', async () => {
    const before = apiProcesses();
    expect(before).toHaveLength(2);
    first.close();
    second.close();
    process.kill(before[0], 'SIGKILL');
    const deadline = Date.now() + 60_000;
    // The survivor answers new connections at once...
    const [survivor, survivorWorker] = await connectionToAnotherProcess([], deadline);
    survivor.close();
    // ...and a new process (a new cluster number) joins it after the restart delay.
    const [replacement, worker] = await connectionToAnotherProcess([firstWorker, secondWorker], deadline);
    replacement.close();
    expect([firstWorker, secondWorker]).toContain(survivorWorker);
    expect(worker).toBeGreaterThan(2);
    expect(parvis.output()).toMatch(
      new RegExp(`API process ${before[0]} stopped \\(SIGKILL\\); starting another`),
    );
    expect(apiProcesses()).toHaveLength(2);
    expect(apiProcesses()).toContain(before[1]);
  }, 90_000);

  it('Ctrl-C stops every API process, then PostgreSQL, and exits cleanly', async () => {
    const workers = apiProcesses();
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) =>
      parvis.child.once('exit', (code) => resolve(code)),
    );
    process.kill(-parvis.child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    const alive = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(
        (line) => workers.includes(Number(line.split(' ')[0])) || line.includes(join(dataDir, 'cluster')),
      );
    expect(alive).toEqual([]);
    // No API process was replaced while stopping.
    expect(parvis.output().split('SIGINT received')[1]).not.toContain('starting another');
  });
});
