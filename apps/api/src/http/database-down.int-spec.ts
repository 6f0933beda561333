import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { mailSettled, runMigrations, startTestApp, TestApp } from '../testing/test-app';

/**
 * PostgreSQL going away under a running API. The test run's shared server must stay up, so this
 * file runs a PostgreSQL cluster of its own, in a child process (the compiled embedded-postgres
 * module, as Jest's global setup uses it: Jest cannot load the ESM binaries package), and stops it.
 */
interface Cluster {
  url: string;
  stop(): Promise<void>;
}

const EMBEDDED = join(__dirname, '..', '..', 'dist', 'database', 'embedded-postgres.js');
const CLUSTER_SCRIPT = `
const { EmbeddedPostgres } = require(process.argv[1]);
EmbeddedPostgres.start({ dataDir: process.argv[2], database: 'parvis' }).then(
  (pg) => {
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
    console.log(JSON.stringify({ url: pg.url('parvis') }));
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);`;

function startCluster(dataDir: string): Promise<Cluster> {
  if (!existsSync(EMBEDDED)) throw new Error('Build the API first (npm test does): npx nx build api');
  const child = spawn(process.execPath, ['-e', CLUSTER_SCRIPT, EMBEDDED, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, stop });
    });
    child.once('exit', () => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
}

/**
 * The address the API knows PostgreSQL by: a TCP relay to the cluster of the moment, so that a
 * cluster started again (on another port) is the same database to the API, as a restarted server is.
 */
function relay(): { url(clusterUrl: string): Promise<string>; close(): void } {
  let target = { host: '127.0.0.1', port: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listening = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    url: async (clusterUrl) => {
      const url = new URL(clusterUrl);
      target = { host: url.hostname, port: Number(url.port) };
      url.port = String(await listening);
      return url.toString();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const toPostgres = relay();
let dataDir: string;
let cluster: Cluster;
let databaseUrl: string;
let app: TestApp;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parvis-db-down-'));
  chmodSync(dataDir, 0o755);
  cluster = await startCluster(dataDir);
  databaseUrl = await toPostgres.url(cluster.url);
  // Not migrated yet: the API starts, and says it is not ready. It connects as the owner: this
  // cluster has no runtime role, whose grants come with the migrations.
  app = await startTestApp({}, databaseUrl, 'owner');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await cluster?.stop();
  toPostgres.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const graphql = (query: string, cookie?: string) =>
  fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });

const UNAVAILABLE = {
  errors: [
    {
      message: 'Parvis cannot reach its database right now. Try again in a moment.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    },
  ],
};

it('keeps its server timeouts longer than a load balancer’s idle timeout', () => {
  const server = app.app.getHttpServer() as Server;
  expect(server.keepAliveTimeout).toBe(65_000);
  expect(server.headersTimeout).toBe(66_000);
  expect(server.requestTimeout).toBe(300_000);
});

it('is live but not ready before the migrations ran, and ready after', async () => {
  expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
  const before = await fetch(`${app.url}/health/ready`);
  expect(before.status).toBe(503);
  expect(await before.json()).toEqual({ status: 'unavailable', database: 'ok', migrations: 'pending' });

  await runMigrations(databaseUrl);
  const after = await fetch(`${app.url}/health/ready`);
  expect(after.status).toBe(200);
  expect(await after.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
});

it('answers 503 with Retry-After from every layer while PostgreSQL is stopped', async () => {
  const member = app.agent();
  await member.registerMember('Still Here');
  const cookie = member.sessionCookie!;
  expect(await (await graphql('{ me { displayName } }', cookie)).json()).toEqual({
    data: { me: { displayName: 'Still Here' } },
  });

  // The confirmation mail of the sign-up is sent first: a mail job that fails as PostgreSQL stops
  // makes pg-boss reject a promise nobody awaits, which is not what this test is about.
  await mailSettled(app.db);
  await cluster.stop();

  // A visitor's query fails in its resolver: GraphQL's formatter names it, the plugin sets 503.
  const visitor = await graphql('{ spaces { id } }');
  expect(visitor.status).toBe(503);
  expect(visitor.headers.get('retry-after')).toBe('5');
  expect(await visitor.json()).toMatchObject(UNAVAILABLE);

  // A member's request fails earlier, in the session middleware reading the cookie's session.
  const signedIn = await graphql('{ me { displayName } }', cookie);
  expect(signedIn.status).toBe(503);
  expect(signedIn.headers.get('retry-after')).toBe('5');
  expect(await signedIn.json()).toEqual(UNAVAILABLE);

  // A mutation is refused the same way, whatever it was going to write.
  const registering = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
      variables: { input: { email: 'nobody@example.com', password: 'a long test passphrase' } },
    }),
  });
  expect(registering.status).toBe(503);
  expect(await registering.json()).toMatchObject(UNAVAILABLE);

  const ready = await fetch(`${app.url}/health/ready`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get('retry-after')).toBe('5');
  expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  const health = await fetch(`${app.url}/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

  // The process itself is fine: an orchestrator must not restart it for the database's sake.
  expect((await fetch(`${app.url}/health/live`)).status).toBe(200);

  // PostgreSQL back (started again): the same requests succeed, without restarting the API.
  cluster = await startCluster(dataDir);
  await toPostgres.url(cluster.url);
  let back = await graphql('{ me { displayName } }', cookie);
  for (let tries = 0; back.status === 503 && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    back = await graphql('{ me { displayName } }', cookie);
  }
  expect(await back.json()).toEqual({ data: { me: { displayName: 'Still Here' } } });
  expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
});
