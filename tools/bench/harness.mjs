// Shared pieces of the benchmarks: start Parvis as `npm start` does (built API, embedded
// PostgreSQL in a throwaway folder), send GraphQL requests, and time many of them at once.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const HERE = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The value of a command-line option `--name VALUE` of the running script, else `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')
    ? process.argv[i + 1]
    : fallback;
}

/**
 * The checkout whose build is measured: this one, or another built checkout given as
 * `--root DIR` (e.g. a worktree of the commit before a change), so that before and after run
 * with the same benchmark in the same session.
 */
export const ROOT = (() => {
  const i = process.argv.indexOf('--root');
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : HERE;
})();

export async function startParvis({ port = 3900, env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-bench-'));
  chmodSync(dataDir, 0o755);
  const pg = await startPostgres(dataDir);
  const api = await startApi(pg.url('parvis'), { port, env });
  const stop = async () => {
    await api.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Ctrl-C or a time limit must not leave the benchmark's PostgreSQL running.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => void stop().then(() => process.exit(130)));
  return { url: api.url, databaseUrl: pg.url('parvis'), stop };
}

/** The measured checkout's embedded PostgreSQL on `dataDir` (created there, or the cluster found there). */
export async function startPostgres(dataDir, root = ROOT) {
  const { EmbeddedPostgres } = require(join(root, 'apps/api/dist/database/embedded-postgres.js'));
  return EmbeddedPostgres.start({ dataDir, database: 'parvis' });
}

/**
 * The built API (`root`'s apps/api/dist/main.js) on `databaseUrl`, as `npm start` runs it in
 * production, once it answers /health. `nodeArgs`: e.g. `--cpu-prof`; `env`: more settings;
 * `script`: another start script of the same build (tools/bench/fastify-api.mjs).
 */
export async function startApi(
  databaseUrl,
  { port = 3900, root = ROOT, env = {}, nodeArgs = [], script = join(root, 'apps/api/dist/main.js') } = {},
) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: 'b'.repeat(40),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WEB_DIST: '',
      COOKIE_SECURE: 'false',
      SIGN_IN_LIMIT_PER_ADDRESS: '100000',
      SIGN_IN_LIMIT_PER_EMAIL: '10000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i === 600) throw new Error('Parvis did not start (see above).');
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
    }
  };
  return { url, pid: child.pid, stop };
}

export async function graphql(url, query, variables = {}, cookie) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const setCookie = response.headers.getSetCookie()[0];
  return { data: body.data, cookie: setCookie ? setCookie.split(';')[0] : cookie };
}

/** The seeded communities' password (the demo's and the scale benchmark's members). */
export const DEMO_PASSWORD = 'parvis-demo-2026';

/** Signs `email` in as the web app does; its session cookie. */
export async function signIn(url, email, password = DEMO_PASSWORD) {
  const { cookie } = await graphql(url, 'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
    i: { email, password },
  });
  if (!cookie) throw new Error(`${email} could not sign in.`);
  return cookie;
}

/** Sends `requests` requests, `concurrency` at a time; returns throughput and latency percentiles. */
export async function measure(name, { requests, concurrency }, send) {
  for (let i = 0; i < Math.min(20, requests); i++) await send(i); // warm-up
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  const row = {
    name,
    requests,
    concurrency,
    perSecond: Math.round(requests / seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  };
  console.log(
    `| ${row.name} | ${row.requests} | ${row.concurrency} | ${row.perSecond} | ${row.p50} | ${row.p95} | ${row.p99} |`,
  );
  return row;
}

/**
 * The web app's own operations, as graphql-codegen generated them for the measured checkout
 * (apps/web/src/gql/graphql.ts, written by the web build): `{ name: query text }`.
 */
export async function webOperations() {
  const { print } = require(join(ROOT, 'node_modules/graphql'));
  const generated = readFileSync(join(ROOT, 'apps/web/src/gql/graphql.ts'), 'utf8');
  const operations = {};
  for (const [, name, json] of generated.matchAll(/export const (\w+)Document = (\{.*?\}) as unknown as/g))
    operations[name] = print(JSON.parse(json));
  return operations;
}

export function header() {
  console.log('| scenario | requests | concurrency | req/s | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|');
}

/**
 * `duration` seconds of POSTs at `connections` clients, each body from `make()`; latencies of
 * every response (autocannon reports no p95), and the answers that were GraphQL errors.
 */
export async function cannon(url, make, connections, duration, { path = '/graphql' } = {}) {
  const latencies = [];
  let errors = 0;
  const errorKinds = new Map(); // what the failed answers said, so that a run's errors can be read, not only counted
  const instance = autocannon({
    url: url + path,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { body, headers } = make();
          return {
            ...req,
            body,
            headers: { ...req.headers, 'content-type': 'application/json', ...headers },
          };
        },
        onResponse: (status, body) => {
          if (status !== 200 || (path === '/graphql' && body.includes('"errors"'))) {
            errors++;
            const kind = `${status} ${body.match(/"extensions":\{[^}]*\}/)?.[0] ?? body.slice(0, 160)}`;
            errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
          }
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  if (process.env.BENCH_DEBUG) instance.on('reqError', (error) => console.error(error));
  const result = await instance;
  for (const [kind, count] of errorKinds) console.error(`  ${count} answer(s) refused: ${kind}`);
  if (path === '/graphql') await settle(url);
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]
      : NaN;
  return {
    count: latencies.length,
    rps: Math.round(latencies.length / duration),
    p50: pct(50).toFixed(1),
    p95: pct(95).toFixed(1),
    p99: pct(99).toFixed(1),
    errors: errors + result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Waits until the API has worked through what an overloaded run left queued (requests autocannon
 * gave up on are still answered), so that each run starts on an idle process: up to 60 s.
 */
async function settle(url) {
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Puts a dated section at the top of tools/bench/RESULTS.md (newest first: before the first
 * existing section) and returns the file's path.
 */
export function writeResultsSection(section) {
  const file = join(HERE, 'tools', 'bench', 'RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n## ');
  writeFileSync(
    file,
    at < 0 ? `${text}\n${section}` : `${text.slice(0, at + 1)}${section}\n${text.slice(at + 1)}`,
  );
  return file;
}

/**
 * CPU time (ms, user + system) of a process and its descendants, from /proc, with their exited
 * children's (cutime, cstime) so that a worker or backend that ended still counts. What a request
 * costs in CPU is steadier than req/s on a machine shared with other work.
 */
export function cpuTime(rootPid) {
  const tick = 1000 / 100; // USER_HZ
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the name: state ppid … utime (11) stime (12) cutime (13) cstime (14), counted from state.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        ms: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick,
      });
    } catch {
      // The process ended while /proc was read.
    }
  }
  let total = 0;
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop();
    total += stats.get(pid)?.ms ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return total;
}

/** `cpuTime` of each named root at once: `{ api: pid, db: pid }` gives `{ api: ms, db: ms }`. */
export function cpuTimes(roots) {
  return Object.fromEntries(Object.entries(roots).map(([part, pid]) => [part, cpuTime(pid)]));
}

/** Mails queued so far in the database `sql` is connected to (one row per recipient's mail). */
export async function mailsQueued(sql) {
  return (await sql.query(`SELECT count(*)::int AS n FROM mail_outbox`)).rows[0].n;
}

/**
 * Waits (up to 5 minutes) until the API's job workers have delivered every queued mail; returns
 * the seconds waited. A reply mails the followers who chose "e-mail at once" after its answer:
 * a benchmark waits for them before its next run, so that no run is measured beside the last
 * one's deliveries.
 */
export async function mailsDelivered(sql) {
  const start = Date.now();
  const pending = async () =>
    (await sql.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'PENDING'`)).rows[0].n;
  while ((await pending()) > 0 && Date.now() - start < 300_000) await new Promise((r) => setTimeout(r, 250));
  return ((Date.now() - start) / 1000).toFixed(1);
}

/** A cluster's PostgreSQL server process (its backends are its children), from its data folder. */
export function postmasterPid(dataDir) {
  return Number(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** A port nobody listens on: other benchmarks may run on this machine at the same time. */
export function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
