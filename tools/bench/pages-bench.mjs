// `npm run bench:pages`: what an anonymous reader's thread page (HTML rendered on the server)
// costs, with the page cache and without it (PAGE_CACHE_MB=0), beside a bare Node `http` server
// answering the same bytes in the same run: the machine's ceiling for that response. autocannon,
// 32 connections, over loopback from the same machine. Writes nothing: copy the table into
// tools/bench/RESULTS.md with the date, the commit and the machine's load.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { graphql, ROOT, startParvis } from './harness.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HEADERS = { 'accept-language': 'en', accept: 'text/html' };

/**
 * A thread of the demo with an accepted answer and replies: what a reader from a search engine
 * opens. Each Parvis of the run seeds its own database: the same thread is found again by title.
 */
async function answeredThread(url, title) {
  const { data } = await graphql(
    url,
    '{ threads(first: 50) { edges { node { id title repliesCount acceptedAnswer { id } } } } }',
  );
  const threads = data.threads.edges.map((edge) => edge.node);
  const thread = title
    ? threads.find((t) => t.title === title)
    : (threads.find((t) => t.acceptedAnswer && t.repliesCount > 1) ?? threads[0]);
  return { path: `/t/${thread.id}`, title: thread.title };
}

async function run(name, url) {
  // Warm-up: the first renders load code and fill caches.
  await autocannon({ url, connections: 4, amount: 50, headers: HEADERS });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: HEADERS });
  const row = {
    name,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  console.log(
    `| ${row.name} | ${CONNECTIONS} | ${row.perSecond} | ${row.p50} | ${row.p99} | ${row.errors} |`,
  );
  return row;
}

/** The ceiling: a bare Node server in its own process answering `html` with the page's headers. */
async function bareServer(html, port) {
  const code = `
    const body = Buffer.from(process.env.BODY, 'base64');
    require('node:http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache',
        etag: '"bench"', vary: 'Cookie, Accept-Language', 'content-length': body.length });
      res.end(body);
    }).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], {
    env: { ...process.env, BODY: Buffer.from(html).toString('base64') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

const env = { WEB_DIST: join(ROOT, 'apps/web/dist') };
console.log(`anonymous thread page, ${SECONDS} s per row, ${CONNECTIONS} connections (autocannon)\n`);
console.log('| scenario | connections | req/s | p50 ms | p99 ms | errors |');
console.log('|---|---|---|---|---|---|');
const rows = {};
const cached = await startParvis({ port: 3911, env });
let thread;
try {
  thread = await answeredThread(cached.url);
  const { path } = thread;
  const html = await (await fetch(`${cached.url}${path}`, { headers: HEADERS })).text();
  const bare = await bareServer(html, 3913);
  try {
    rows.ceiling = await run(`bare Node http, the same ${Math.round(html.length / 1024)} kB`, bare.url);
  } finally {
    bare.stop();
  }
  rows.cached = await run('Parvis, page cache on', `${cached.url}${path}`);
} finally {
  await cached.stop();
}
const uncached = await startParvis({ port: 3912, env: { ...env, PAGE_CACHE_MB: '0' } });
try {
  const { path } = await answeredThread(uncached.url, thread.title);
  rows.uncached = await run('Parvis, page cache off (rendered each time)', `${uncached.url}${path}`);
} finally {
  await uncached.stop();
}
console.log(
  `\ncached / ceiling: ${Math.round((100 * rows.cached.perSecond) / rows.ceiling.perSecond)} % of the req/s; ` +
    `cached / uncached: ${(rows.cached.perSecond / rows.uncached.perSecond).toFixed(1)}×`,
);
