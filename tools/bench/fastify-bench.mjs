// `node tools/bench/fastify-bench.mjs --data DIR`: the same build of the API served by Express (as
// `npm start` serves it, apps/api/dist/main.js) and by Fastify (tools/bench/fastify-api.mjs: the
// same AppModule on @nestjs/platform-fastify with Apollo's Fastify integration), on the scale
// community (tools/bench/scale-seed.mjs; seed it first with `npm run bench:scale -- --seed-only`).
// Both are started once and measured in turns on the thread page (anonymous and signed in) and the
// thread list, with the CPU each request cost the API and PostgreSQL, so that each pair of runs saw
// the same load. Writes a dated section into tools/bench/RESULTS.md (newest first).
//
// Options: --data DIR (where the scale cluster is kept; default the system's temp folder),
// --scale-factor F (default 1), --processes N (API processes per adapter, default 2),
// --rounds N (default 3; 0: only the profiles), --duration S (per run, default 10), --connections C (default 32),
// --warm-up S (each adapter and operation once before the turns, default 5),
// --no-write (print only). Build first: `npx nx run-many -t build --projects=api,web`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cannon,
  cpuTime,
  freePort,
  graphql,
  option,
  postmasterPid,
  ROOT,
  signIn,
  startApi,
  webOperations,
  writeResultsSection,
} from './harness.mjs';
import { openScaleCluster, scaleDataDir } from './scale-seed.mjs';
import { summarizeProfile } from './cpu-profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FACTOR = Number(option('scale-factor', '1'));
const PROCESSES = Number(option('processes', '2'));
const ROUNDS = Number(option('rounds', '3'));
const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '32'));
const WARM_UP = Number(option('warm-up', '5'));
const WRITE = !process.argv.includes('--no-write');
const API_ENV = { WEB_CONCURRENCY: String(PROCESSES) };
const log = (...a) => console.log(...a);

/** HTTP framework packages, of either adapter: what switching could save at most. */
const HTTP_LAYER =
  /node_modules\/(express|@nestjs\/platform-express|@as-integrations\/express5|body-parser|raw-body|router|cookie-parser|cookie|cookie-signature|compression|finalhandler|send|etag|fresh|on-finished|on-headers|type-is|content-type|accepts|negotiator|proxy-addr|qs|path-to-regexp|statuses|http-errors|vary|iconv-lite|media-typer|mime-types|mime-db|depd|fastify|@fastify\/[^/]+|@nestjs\/platform-fastify|@as-integrations\/fastify|find-my-way|light-my-request|avvio|fast-json-stringify|secure-json-parse|fast-querystring|fast-decode-uri-component|abstract-logging|pino|process-warning|toad-cache|reusify|fastq)\//;

const dataDir = scaleDataDir(ROOT, option('data', tmpdir()), FACTOR);
const { pg, seeded, stoppers, stopAll } = await openScaleCluster(dataDir);
if (!seeded) {
  await stopAll();
  console.error(`No scale community in ${dataDir}: seed it first (npm run bench:scale -- --seed-only).`);
  process.exit(1);
}
const databaseUrl = pg.url('parvis');
const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const sql = new Client({ connectionString: databaseUrl });

try {
  const load = [loadavg()[0].toFixed(2)];
  // Express first: main.js also runs the migrations this checkout has and the data lacks.
  const express = {
    label: 'Express',
    ...(await startApi(databaseUrl, { port: await freePort(), env: API_ENV })),
  };
  stoppers.push(express.stop);
  const fastify = { label: 'Fastify', ...(await startFastify(databaseUrl, await freePort())) };
  stoppers.push(fastify.stop);
  await sql.connect();
  const ids = await benchIds();
  const operations = await webOperations();
  // The session is PostgreSQL's: one signed in on Express is signed in on Fastify too.
  const member = await signIn(express.url, 'member@parvis.test');
  const op = (name, variables, cookie) => ({
    body: JSON.stringify({ query: operations[name], variables }),
    headers: cookie ? { cookie } : {},
  });
  const threadPage = (cookie) => {
    let i = 0;
    return () => op('ThreadRoute', { id: ids.threads[i++ % ids.threads.length] }, cookie);
  };
  const pages = [
    ['thread page, anonymous (ThreadRoute)', () => threadPage(null)],
    ['thread page, signed in (ThreadRoute)', () => threadPage(member)],
    ['thread list (ThreadList, help space)', () => () => op('ThreadList', { spaceId: ids.help, first: 20 })],
    // No resolver, no statement: what is left is the HTTP layer, Apollo's request pipeline and the
    // session middleware, so the most an adapter can change.
    ['floor: `{ __typename }`, anonymous', () => () => ({ body: '{"query":"{ __typename }"}', headers: {} })],
  ];
  // Both must answer the same bytes, or the comparison compares different work.
  for (const [name, make] of pages) {
    const { body, headers } = make()();
    const answers = await Promise.all(
      [express, fastify].map((api) =>
        fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        }).then((r) => r.text()),
      ),
    );
    if (answers[0] !== answers[1] || answers[0].includes('"errors"'))
      throw new Error(`${name}: Express and Fastify answer differently:\n${answers.join('\n')}`);
  }

  // Once before the turns: each adapter's code compiled by V8, PostgreSQL's cache warm for both.
  if (WARM_UP > 0 && ROUNDS > 0)
    for (const [, make] of pages)
      for (const api of [express, fastify]) await cannon(api.url, make(), CONNECTIONS, WARM_UP);
  const turns = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Which adapter goes first alternates from round to round.
    const order = round % 2 ? [express, fastify] : [fastify, express];
    for (const [name, make] of pages) {
      for (const api of order) {
        await cannon(api.url, make(), CONNECTIONS, 2);
        const cpu0 = [cpuTime(api.pid), cpuTime(postmasterPid(dataDir))];
        const r = await cannon(api.url, make(), CONNECTIONS, DURATION);
        const requests = Math.max(1, r.count);
        const [apiMs, pgMs] = [cpuTime(api.pid), cpuTime(postmasterPid(dataDir))].map((t, i) =>
          ((t - cpu0[i]) / requests).toFixed(2),
        );
        turns.push({ round, label: api.label, name, ...r, apiMs, pgMs });
        log(
          `| ${round} | ${api.label} | ${name} | ${r.rps} | ${r.p50} | ${r.p99} | API ${apiMs} + PostgreSQL ${pgMs} ms/req | ${r.errors} errors |`,
        );
      }
    }
  }
  await fastify.stop();
  await express.stop();
  // Where each adapter's time goes on the anonymous thread page: one process each, in turn.
  const profiles = [];
  for (const label of ['Express', 'Fastify']) {
    const dir = mkdtempSync(join(tmpdir(), 'parvis-cpu-prof-'));
    const options = {
      port: await freePort(),
      env: { WEB_CONCURRENCY: '1' },
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    };
    const api =
      label === 'Express'
        ? await startApi(databaseUrl, options)
        : await startFastify(databaseUrl, options.port, options);
    let r;
    try {
      await cannon(api.url, pages[0][1](), CONNECTIONS, 3);
      r = await cannon(api.url, pages[0][1](), CONNECTIONS, DURATION);
    } finally {
      await api.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const profile = file ? JSON.parse(readFileSync(join(dir, file), 'utf8')) : null;
    rmSync(dir, { recursive: true, force: true });
    if (profile)
      profiles.push({ label, rps: r.rps, summary: summarizeProfile(profile), http: httpShare(profile) });
  }
  load.push(loadavg()[0].toFixed(2));
  const section = report(turns, profiles, load);
  console.log(section);
  if (WRITE) log(`Written into ${writeResultsSection(section)}.`);
} finally {
  await sql.end().catch(() => undefined);
  await stopAll();
}

/** tools/bench/fastify-api.mjs on `databaseUrl` (migrated), once every process of its cluster answers. */
async function startFastify(url, port, { env = {}, nodeArgs = [] } = {}) {
  const api = await startApi(url, {
    port,
    nodeArgs,
    script: join(HERE, 'fastify-api.mjs'),
    env: { BENCH_ROOT: ROOT, ...API_ENV, ...env },
  });
  // /health answers from the first process: the others of the cluster a moment later.
  await new Promise((r) => setTimeout(r, 3000));
  return api;
}

async function benchIds() {
  const rows = async (q) => (await sql.query(q)).rows;
  const [{ id: help }] = await rows(`SELECT id FROM spaces WHERE slug = 'help'`);
  // The scale benchmark's threads: ordinary help threads, many so that pages are not all cached.
  const threads = (
    await rows(
      `SELECT b.id FROM bench.threads b JOIN threads t ON t.id = b.id
        WHERE b.kind = 'HELP' AND t.replies_count BETWEEN 3 AND 50 AND NOT t.locked ORDER BY b.n LIMIT 2000`,
    )
  ).map((r) => r.id);
  return { help, threads };
}

/** Share (%) of the profile's busy samples whose own frame, or any frame of its stack, is the HTTP layer's. */
function httpShare(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isHttp = (n) => HTTP_LAYER.test(n.callFrame.url);
  let total = 0;
  let self = 0;
  let inclusive = 0;
  for (const id of profile.samples) {
    const node = byId.get(id);
    if (['(idle)', '(program)'].includes(node.callFrame.functionName)) continue;
    total++;
    if (isHttp(node)) self++;
    for (let at = id; at !== undefined; at = parent.get(at))
      if (isHttp(byId.get(at))) {
        inclusive++;
        break;
      }
  }
  const pct = (n) => ((100 * n) / Math.max(1, total)).toFixed(1);
  return { self: pct(self), inclusive: pct(inclusive) };
}

function report(turns, profiles, load) {
  const commit = spawnSync('git', ['-C', ROOT, 'log', '-1', '--format=%h'], {
    encoding: 'utf8',
  }).stdout.trim();
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — Express and Fastify, the same build in turns (\`node tools/bench/fastify-bench.mjs\`), ${cpus().length} cores`,
    '',
    `Build ${commit}: Express as \`npm start\` serves it (apps/api/dist/main.js), Fastify through tools/bench/fastify-api.mjs ` +
      `(the same AppModule on @nestjs/platform-fastify with @as-integrations/fastify). Scale data (factor ${FACTOR}); c=${CONNECTIONS}, ` +
      `${DURATION} s per run after a 2 s warm-up (and ${WARM_UP} s per adapter and operation before the first round), ${PROCESSES} API processes per adapter, both started once and measured alternately ` +
      `${ROUNDS} time(s) (which goes first alternates per round); autocannon and PostgreSQL on the same machine; load average ` +
      `${load.join(' → ')}. The machine is shared: the ratio of each back-to-back pair is what compares.`,
    '',
    'CPU per request: the API processes (with their workers) and the PostgreSQL server (with its backends), read from /proc around each run.',
    '',
    '| round | operation | Express req/s | Express p50 / p99 ms | Express CPU ms/req: API + PostgreSQL | Fastify req/s | Fastify p50 / p99 ms | Fastify CPU ms/req: API + PostgreSQL | req/s Fastify ÷ Express | API CPU/req Fastify ÷ Express | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const ratios = new Map();
  for (const after of turns.filter((t) => t.label === 'Fastify')) {
    const before = turns.find(
      (t) => t.label === 'Express' && t.round === after.round && t.name === after.name,
    );
    const ratio = after.rps / Math.max(1, before.rps);
    const cpuRatio = Number(after.apiMs) / Math.max(0.01, Number(before.apiMs));
    const [r, c] = ratios.get(after.name) ?? [[], []];
    ratios.set(after.name, [
      [...r, ratio],
      [...c, cpuRatio],
    ]);
    lines.push(
      `| ${after.round} | ${after.name} | ${before.rps} | ${before.p50} / ${before.p99} | ${before.apiMs} + ${before.pgMs} | ${after.rps} | ${after.p50} / ${after.p99} | ${after.apiMs} + ${after.pgMs} | ${ratio.toFixed(2)} | ${cpuRatio.toFixed(2)} | ${before.errors} / ${after.errors} |`,
    );
  }
  lines.push(
    '',
    'Medians per operation (Fastify ÷ Express): ' +
      [...ratios]
        .map(
          ([name, [r, c]]) =>
            `${name}: req/s ${median(r).toFixed(2)}, API CPU per request ${median(c).toFixed(2)}`,
        )
        .join('; ') +
      '.',
  );
  if (profiles.length) {
    lines.push(
      '',
      `CPU profile of one API process during the anonymous thread page (\`node --cpu-prof\`, idle excluded, ${DURATION} s at c=${CONNECTIONS}), each adapter in turn:`,
      '',
      `| part | ${profiles.map((p) => `${p.label} self / with callees`).join(' | ')} |`,
      `|---|${profiles.map(() => '---').join('|')}|`,
      `| HTTP framework (${profiles.map((p) => p.label).join(' or ')} and their packages) | ${profiles.map((p) => `${p.http.self} % / ${p.http.inclusive} %`).join(' | ')} |`,
      ...profiles[0].summary.parts.map(
        (part, i) =>
          `| ${part.name} | ${profiles.map((p) => `${p.summary.parts[i].self} % / ${p.summary.parts[i].inclusive} %`).join(' | ')} |`,
      ),
      `| (samples; req/s under the profiler) | ${profiles.map((p) => `${p.summary.samples}; ${p.rps}/s`).join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
