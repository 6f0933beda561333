// `npm run bench:scale`: Parvis at scale (100k members, 100k threads, 1M posts in FR/EN/ES, 10k
// ideas, 1M votes; tools/bench/scale-seed.mjs), measured with autocannon at 32 and 128 concurrent
// clients, beside two ceilings measured in the same run: a bare Node `http` server answering the
// thread page's very bytes, and pgbench running the vote transaction. Writes a dated section into
// tools/bench/RESULTS.md (newest first) with req/s, p50/p95/p99, the ratios to the ceilings and a
// CPU profile summary of the API during the thread page run.
//
// Options: --scale-factor F (default 1; 0.01 to try it quickly), --duration S (per run, default 10),
// --data DIR (where the seeded cluster is kept; default the system's temp folder), --before-root DIR
// (another built checkout: its API is measured on the same data for the search and board rows,
// before the current one; the thread page and list rows of both builds are then also measured in turns,
// before, after, before, after…, `--rounds N` times), --processes N (API processes sharing the port, as
// `npm start`'s WEB_CONCURRENCY; default 1: figures per process, like the ceilings), --pages-only (with
// --before-root: only those turns and a CPU profile of each build's thread page, then stop), --no-write (print
// only), --seed-only (seed the community and stop).
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  cannon,
  cpuTime,
  freePort,
  graphql,
  mailsDelivered,
  mailsQueued,
  option,
  postmasterPid,
  ROOT,
  signIn,
  startApi,
  webOperations,
  writeResultsSection,
} from './harness.mjs';
import { openScaleCluster, scaleDataDir, searchTerms, seedScale } from './scale-seed.mjs';
import { summarizeProfile } from './cpu-profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FACTOR = Number(option('scale-factor', '1'));
const DURATION = Number(option('duration', '10'));
const BEFORE_ROOT = option('before-root') ? resolve(option('before-root')) : null;
const WRITE = !process.argv.includes('--no-write');
const PROCESSES = Number(option('processes', '1'));
const ROUNDS = Number(option('rounds', '3'));
const PAGES_ONLY = process.argv.includes('--pages-only');
const CONNECTIONS = [32, 128];
const CROWD = 64;
const API_ENV = {
  WEB_CONCURRENCY: String(PROCESSES),
  POST_LIMIT_PER_MEMBER: '10000',
  POST_LIMIT_WINDOW_SECONDS: '10',
  VOTE_LIMIT_PER_MEMBER: '100000',
  VOTE_LIMIT_WINDOW_SECONDS: '10',
};
const log = (...a) => console.log(...a);

const dataDir = scaleDataDir(ROOT, option('data', tmpdir()), FACTOR);
const { pg, seeded, stoppers, stopAll } = await openScaleCluster(dataDir);
const databaseUrl = pg.url('parvis');

const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const sql = new Client({ connectionString: databaseUrl });

try {
  if (!seeded) {
    log(`Seeding the scale community (factor ${FACTOR}) into ${dataDir} — once; later runs reuse it.`);
    const api = await startApi(databaseUrl, { port: 3950, env: API_ENV }); // migrations + demo accounts
    await api.stop();
    await seedScale(ROOT, databaseUrl, dataDir, FACTOR, log);
  } else log(`Reusing the scale community in ${dataDir}.`);
  if (process.argv.includes('--seed-only')) process.exit(await stopAll().then(() => 0));
  await sql.connect();
  const counts = JSON.parse(readFileSync(join(dataDir, 'scale-seed.json'), 'utf8')).counts;
  const ids = await benchIds();
  const operations = await webOperations();
  const terms = searchTerms();
  const rows = [];
  const beforeAfter = [];
  const load = [loadavg()[0].toFixed(2)];

  // ─── Before and after in turns (with --before-root): the thread page and list of both builds,
  // each API started once and measured alternately, so that each pair ran under the same load.
  const turns = [];
  const profiles = [];
  if (BEFORE_ROOT) {
    const builds = [
      ['before', BEFORE_ROOT],
      ['after', ROOT],
    ];
    const apis = [];
    try {
      for (const [label, root] of builds)
        apis.push({
          label,
          ...(await startApi(databaseUrl, { port: await freePort(), root, env: API_ENV })),
        });
      const member = await signIn(apis[1].url, 'member@parvis.test');
      const pages = [
        ['thread page, anonymous (ThreadRoute)', () => threadPage(null)],
        ['thread page, signed in (ThreadRoute)', () => threadPage(member)],
        [
          'thread list (ThreadList, help space)',
          () => () => op('ThreadList', { spaceId: ids.help, first: 20 }),
        ],
      ];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [name, make] of pages) {
          for (const api of apis) {
            await cannon(api.url, make(), 32, 2);
            const cpu0 = [cpuTime(api.pid), cpuTime(postmasterPid(dataDir))];
            const r = await cannon(api.url, make(), 32, DURATION);
            const requests = Math.max(1, r.rps * DURATION);
            const [apiMs, pgMs] = [cpuTime(api.pid), cpuTime(postmasterPid(dataDir))].map((t, i) =>
              ((t - cpu0[i]) / requests).toFixed(2),
            );
            turns.push({ round, label: api.label, name, c: 32, ...r, apiMs, pgMs });
            log(
              `| ${round} | ${api.label} | ${name} | 32 | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | API ${apiMs} ms/req | PostgreSQL ${pgMs} ms/req |`,
            );
          }
        }
      }
    } finally {
      for (const api of apis) await api.stop();
    }
    if (PAGES_ONLY) {
      // Where each build's time goes on the anonymous thread page: one process each, in turn.
      for (const [label, root] of builds) profiles.push({ label, ...(await profiled(root)) });
    }
  }
  if (PAGES_ONLY) {
    const section = pagesReport({ turns, profiles, load: [...load, loadavg()[0].toFixed(2)] });
    console.log(section);
    if (WRITE) log(`Written into ${writeResultsSection(section)}.`);
    await sql.end().catch(() => undefined); // before its server stops
    process.exit(await stopAll().then(() => 0));
  }

  // ─── Before (optional): another checkout's API on the same data, for the hot paths changed here.
  if (BEFORE_ROOT) {
    log(`Before: ${BEFORE_ROOT}`);
    const api = await startApi(databaseUrl, { port: 3951, root: BEFORE_ROOT, env: API_ENV });
    try {
      for (const row of await hotPaths(api.url, 'before')) beforeAfter.push(row);
    } finally {
      await api.stop();
      // Its slowest queries may still run in PostgreSQL: end them before measuring anything else.
      await sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'parvis' AND pid <> pg_backend_pid()`,
      );
    }
  }

  // ─── The thread page under a CPU profile (its own API process, stopped to write the profile).
  const profileDir = mkdtempSync(join(tmpdir(), 'parvis-cpu-prof-'));
  let profile;
  {
    const api = await startApi(databaseUrl, {
      port: 3952,
      env: { ...API_ENV, WEB_CONCURRENCY: '1' }, // one process: one profile
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    await cannon(api.url, threadPage(null), 32, 3);
    await cannon(api.url, threadPage(null), 32, DURATION);
    await new Promise((r) => setTimeout(r, 1000)); // the last answers, before the process stops
    await api.stop();
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    profile = file ? summarizeProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8'))) : null;
    rmSync(profileDir, { recursive: true, force: true });
  }

  // ─── Every operation at 32 and 128 clients, the ceilings beside them.
  const api = await startApi(databaseUrl, { port: 3953, env: API_ENV });
  stoppers.push(() => api.stop());
  for (const row of await hotPaths(api.url, 'after')) beforeAfter.push(row);
  const member = await signIn(api.url, 'member@parvis.test');
  // A crowd replies and votes as many members: 64 of the seed's (none of the first 99 is staff or
  // an expert), in turns. Sent by one member, every write would queue on that member's
  // rate-limit row (kept as a row of its own, for comparison).
  const voters = [];
  for (let n = 1; n <= CROWD; n++) {
    const email = `bench-${n}@parvis.test`;
    voters.push({ email, cookie: await signIn(api.url, email) });
  }
  await sql.query(
    `UPDATE idea_votes SET withdrawn_at = now() WHERE withdrawn_at IS NULL AND user_id IN (SELECT id FROM users WHERE email = ANY($1))`,
    [voters.map((v) => v.email)],
  );
  const pageBytes = await (
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operations.ThreadRoute, variables: { id: ids.threads[0] } }),
    })
  ).text();

  let voteNo = 0;
  const scenarios = [
    ['thread page, anonymous (ThreadRoute)', threadPage(null), 'http'],
    ['thread page, signed in (ThreadRoute)', threadPage(member), 'http'],
    [
      'thread list (ThreadList, help space)',
      () => op('ThreadList', { spaceId: ids.help, first: 20 }),
      'http',
    ],
    [
      'idea board (IdeaBoard, TOP)',
      () => op('IdeaBoard', { spaceId: ids.ideas, sort: 'TOP', first: 20 }),
      'http',
    ],
    [
      `reply (ThreadRouteReply, ${CROWD} members signed in, in turns)`,
      replyRequest(voters.map((v) => v.cookie)),
      'http',
    ],
    ['reply (ThreadRouteReply, one member signed in)', replyRequest([member]), 'http'],
    [
      `vote (VoteForIdea, ${CROWD} members signed in, in turns)`,
      () => {
        const k = voteNo++;
        const voter = voters[k % voters.length];
        const ideaId = ids.openIdeas[Math.floor(k / voters.length) % ids.openIdeas.length];
        return op('VoteForIdea', { input: { ideaId } }, voter.cookie);
      },
      'pgbench',
    ],
    ['search, everyday words (Search)', rotating(terms.everyday, (query) => op('Search', { query })), 'http'],
    ['search, rare words (Search)', rotating(terms.rare, (query) => op('Search', { query })), 'http'],
  ];
  const ceilings = {};
  const server = await startCeilingServer(pageBytes);
  stoppers.push(() => server.stop());
  for (const c of CONNECTIONS) {
    ceilings[`http${c}`] = await cannon(server.url, () => ({ body: '{}' }), c, DURATION, { path: '/' });
    log(`| bare http ceiling | ${c} | ${ceilings[`http${c}`].rps} |`);
  }
  ceilings.pgbench32 = pgbench(databaseUrl, 32, DURATION, ids.counts);
  log(`| pgbench vote transaction | 32 | ${ceilings.pgbench32?.tps ?? 'skipped'} |`);
  const mailNotes = [];
  await mailsDelivered(sql); // what an earlier run left queued is not this run's work
  for (const [name, make, ceiling] of scenarios) {
    for (const c of CONNECTIONS) {
      await cannon(api.url, make, c, 2); // warm-up, not counted
      const queued = await mailsQueued(sql);
      const r = await cannon(api.url, make, c, DURATION);
      const against = ceiling === 'pgbench' ? ceilings.pgbench32?.tps : ceilings[`http${c}`].rps;
      rows.push({ name, c, ...r, ratio: against ? r.rps / against : null, ceiling });
      log(`| ${name} | ${c} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
      // A reply mails its thread's followers who chose "e-mail at once": their delivery runs after
      // the reply's answer. Waited for here, so that the next row is not measured beside it.
      const mails = (await mailsQueued(sql)) - queued;
      if (mails > 0) {
        const seconds = await mailsDelivered(sql);
        mailNotes.push(
          `${name}, ${c} clients: ${(mails / r.count).toFixed(2)} mail(s) queued per request (${mails}), delivered ${seconds} s after the run`,
        );
      }
    }
  }
  // The board at 4 clients (the issue's condition for its target).
  await cannon(api.url, () => op('IdeaBoard', { spaceId: ids.ideas, sort: 'TOP', first: 20 }), 4, 2);
  const board4 = await cannon(
    api.url,
    () => op('IdeaBoard', { spaceId: ids.ideas, sort: 'TOP', first: 20 }),
    4,
    DURATION,
  );
  rows.push({ name: 'idea board (IdeaBoard, TOP)', c: 4, ...board4, ratio: null });
  load.push(loadavg()[0].toFixed(2));

  const section = report({ counts, rows, ceilings, profile, beforeAfter, load, mailNotes });
  console.log(section);
  if (WRITE) log(`Written into ${writeResultsSection(section)}.`);

  // ─── Pieces ───────────────────────────────────────────────────────────────────────────────

  /** The anonymous thread page of one build under `node --cpu-prof` (one process), summarized. */
  async function profiled(root) {
    const dir = mkdtempSync(join(tmpdir(), 'parvis-cpu-prof-'));
    const api = await startApi(databaseUrl, {
      port: await freePort(),
      root,
      env: { ...API_ENV, WEB_CONCURRENCY: '1' },
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    let r;
    try {
      await cannon(api.url, threadPage(null), 32, 3);
      r = await cannon(api.url, threadPage(null), 32, DURATION);
      await new Promise((done) => setTimeout(done, 1000));
    } finally {
      await api.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    // BENCH_PROFILE_DIR: keep the raw profiles (one per build), to open in a profiler.
    if (file && process.env.BENCH_PROFILE_DIR)
      copyFileSync(
        join(dir, file),
        join(process.env.BENCH_PROFILE_DIR, `thread-page-${basename(root)}.cpuprofile`),
      );
    const summary = file ? summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8'))) : null;
    rmSync(dir, { recursive: true, force: true });
    return { rps: r.rps, summary };
  }

  function op(name, variables, cookie) {
    return {
      body: JSON.stringify({ query: operations[name], variables }),
      headers: cookie ? { cookie } : {},
    };
  }
  function threadPage(cookie) {
    let i = 0;
    return () => op('ThreadRoute', { id: ids.threads[i++ % ids.threads.length] }, cookie);
  }
  function replyRequest(cookies) {
    let i = 0;
    return () => {
      const n = i++;
      return op(
        'ThreadRouteReply',
        {
          input: {
            threadId: ids.threads[n % ids.threads.length],
            bodyMarkdown: `A reply from the benchmark, number ${n}: the router works again.`,
          },
        },
        cookies[n % cookies.length],
      );
    };
  }
  function rotating(values, make) {
    let i = 0;
    return () => make(values[i++ % values.length]);
  }

  /** The search and board rows, measured on whichever API runs (before and after a change). */
  async function hotPaths(url, label) {
    const out = [];
    for (const [name, make, c] of [
      ['search, everyday words', rotating(terms.everyday, (query) => op('Search', { query })), 32],
      ['search, rare words', rotating(terms.rare, (query) => op('Search', { query })), 32],
      ['idea board (TOP)', () => op('IdeaBoard', { spaceId: ids.ideas, sort: 'TOP', first: 20 }), 4],
    ]) {
      await cannon(url, make, c, 2);
      const r = await cannon(url, make, c, DURATION);
      out.push({ label, name, c, ...r });
      log(`| ${label}: ${name} | ${c} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
    }
    return out;
  }

  async function benchIds() {
    const one = async (q, p = []) => (await sql.query(q, p)).rows;
    const [{ id: help }] = await one(`SELECT id FROM spaces WHERE slug = 'help'`);
    const [{ id: ideas }] = await one(`SELECT id FROM spaces WHERE slug = 'ideas'`);
    // Ordinary help threads (a few to fifty replies), many of them so that pages are not all cached.
    const threads = (
      await one(
        `SELECT b.id FROM bench.threads b JOIN threads t ON t.id = b.id
          WHERE b.kind = 'HELP' AND t.replies_count BETWEEN 3 AND 50 AND NOT t.locked ORDER BY b.n LIMIT 2000`,
      )
    ).map((r) => r.id);
    const openIdeas = (
      await one(
        `SELECT b.id FROM bench.ideas b JOIN ideas i ON i.id = b.id
          WHERE i.status NOT IN ('LAUNCHED', 'DECLINED', 'MERGED') AND i.campaign_id IS NULL ORDER BY b.n`,
      )
    ).map((r) => r.id);
    const [counts] = await one(
      `SELECT (SELECT count(*) FROM bench.ideas)::int AS ideas, (SELECT count(*) FROM bench.users)::int AS users`,
    );
    return { help, ideas, threads, openIdeas, counts };
  }
} finally {
  await sql.end().catch(() => undefined);
  await stopAll();
}

/** The before/after turns of the thread page and list, with each pair's ratio, and the profiles. */
function pagesReport({ turns, profiles, load }) {
  const commit = (root) =>
    spawnSync('git', ['-C', root, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).stdout.trim();
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — thread page and list, before (${commit(BEFORE_ROOT)}) and after (${commit(ROOT)}) in turns (\`npm run bench:scale -- --pages-only\`), ${cpus().length} cores`,
    '',
    `Scale data (factor ${FACTOR}); c=32, ${DURATION} s per run after a 2 s warm-up, ${PROCESSES === 1 ? 'one API process' : `${PROCESSES} API processes`} per build,` +
      ` both builds started once and measured alternately (before, after) ${ROUNDS} time(s); autocannon and PostgreSQL on the same machine;` +
      ` load average ${load.join(' → ')}. The machine may be shared: the ratio of each back-to-back pair is what compares.`,
    '',
    'CPU per request: the API processes (with their workers) and the PostgreSQL server (with its backends), read from /proc around each run.',
    '',
    '| round | operation | before req/s | before p50 / p99 ms | before CPU ms/req: API + PostgreSQL | after req/s | after p50 / p99 ms | after CPU ms/req: API + PostgreSQL | req/s after ÷ before | CPU/req after ÷ before | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const ratios = new Map();
  for (const after of turns.filter((t) => t.label === 'after')) {
    const before = turns.find(
      (t) => t.label === 'before' && t.round === after.round && t.name === after.name,
    );
    const ratio = after.rps / Math.max(1, before.rps);
    const cpu = (t) => Number(t.apiMs) + Number(t.pgMs);
    const cpuRatio = cpu(after) / Math.max(0.01, cpu(before));
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
    'Medians per operation (after ÷ before): ' +
      [...ratios]
        .map(
          ([name, [r, c]]) =>
            `${name}: req/s ${median(r).toFixed(2)}, CPU per request ${median(c).toFixed(2)}`,
        )
        .join('; ') +
      '.',
  );
  const shown = profiles.filter((p) => p.summary);
  if (shown.length) {
    lines.push(
      '',
      `CPU profile of one API process during the anonymous thread page (\`node --cpu-prof\`, idle excluded), each build in turn:`,
      '',
      `| part | ${shown.map((p) => `${p.label} self / with callees`).join(' | ')} |`,
      `|---|${shown.map(() => '---').join('|')}|`,
      ...shown[0].summary.parts.map(
        (part, i) =>
          `| ${part.name} | ${shown.map((p) => `${p.summary.parts[i].self} % / ${p.summary.parts[i].inclusive} %`).join(' | ')} |`,
      ),
      `| (samples; req/s under the profiler) | ${shown.map((p) => `${p.summary.samples}; ${p.rps}/s`).join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The first ceiling: a bare Node `http` server (its own process) answering the thread page's bytes. */
async function startCeilingServer(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'parvis-ceiling-'));
  writeFileSync(join(dir, 'page.json'), bytes);
  const child = spawn(process.execPath, [join(HERE, 'ceiling-server.mjs'), join(dir, 'page.json'), '3954'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((r) => child.stdout.once('data', r));
  return {
    url: 'http://127.0.0.1:3954',
    stop: async () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The second ceiling: pgbench running the vote transaction (the statements the API sends for a vote). */
function pgbench(url, clients, duration, counts) {
  const bin = [
    '/usr/bin/pgbench',
    '/usr/lib/postgresql/17/bin/pgbench',
    '/usr/lib/postgresql/15/bin/pgbench',
  ].find((p) => existsSync(p));
  if (!bin) {
    log('pgbench not found (/usr/bin/pgbench): the vote ceiling is skipped.');
    return null;
  }
  const u = new URL(url);
  const dir = mkdtempSync(join(tmpdir(), 'parvis-pgbench-'));
  const script = join(dir, 'vote.sql');
  writeFileSync(script, readFileSync(join(HERE, 'vote-transaction.sql'), 'utf8'));
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const run = spawnSync(
    bin,
    [
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(duration),
      '-f',
      script,
      '-D',
      `ideas=${counts.ideas}`,
      '-D',
      `users=${counts.users}`,
      '-D',
      'hot=0', // a random idea per vote (bench:vote measures one idea at a time too)
      '-l',
      '--log-prefix',
      join(dir, 'log'),
      '-h',
      u.hostname,
      '-p',
      u.port,
      '-U',
      u.username,
      'parvis',
    ],
    { env, encoding: 'utf8' },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  const latencies = readdirSync(dir)
    .filter((f) => f.startsWith('log'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => Number(l.split(' ')[2]) / 1000),
    )
    .sort((a, b) => a - b);
  rmSync(dir, { recursive: true, force: true });
  // A ceiling that fails is a broken benchmark (e.g. its script behind a migration), not a missing
  // tool: stop rather than write a table without it.
  if (!tps) throw new Error(`pgbench's vote transaction failed:\n${run.stderr}`);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  return { tps: Math.round(tps), p50: pct(50), p95: pct(95), p99: pct(99) };
}

function report({ counts, rows, ceilings, profile, beforeAfter, load, mailNotes }) {
  const commit = spawnSync('git', ['-C', ROOT, 'log', '-1', '--format=%h %s'], {
    encoding: 'utf8',
  }).stdout.trim();
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — scale benchmark (\`npm run bench:scale\`), ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    '',
    `Commit ${commit}. Data: ${Object.entries(counts)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}` +
      ` (scale factor ${FACTOR}); ${DURATION} s per run after a 2 s warm-up, ${PROCESSES === 1 ? 'one API process' : `${PROCESSES} API processes`} (the CPU profile: one), autocannon on the same` +
      ` machine; load average ${load.join(' → ')} (the machine may be shared: compare rows of one run, not across runs).`,
    '',
    '| operation | clients | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to ceiling |',
    '|---|---|---|---|---|---|---|---|',
    `| ceiling: bare Node http, thread page bytes | 32 | ${ceilings.http32.rps} | ${ceilings.http32.p50} | ${ceilings.http32.p95} | ${ceilings.http32.p99} | ${ceilings.http32.errors} | |`,
    `| ceiling: bare Node http, thread page bytes | 128 | ${ceilings.http128.rps} | ${ceilings.http128.p50} | ${ceilings.http128.p95} | ${ceilings.http128.p99} | ${ceilings.http128.errors} | |`,
    ceilings.pgbench32
      ? `| ceiling: pgbench, vote transaction | 32 | ${ceilings.pgbench32.tps} | ${ceilings.pgbench32.p50} | ${ceilings.pgbench32.p95} | ${ceilings.pgbench32.p99} | | |`
      : '| ceiling: pgbench, vote transaction | 32 | skipped: pgbench not installed | | | | | |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.c} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.ratio == null ? '' : `${(r.ratio * 100).toFixed(1)} % of ${r.ceiling === 'pgbench' ? 'pgbench' : 'http'}`} |`,
    ),
  ];
  if (mailNotes.length) {
    lines.push(
      '',
      'Mails the rows caused (followers who chose e-mail at once; the next row started once they were delivered):',
      '',
      ...mailNotes.map((note) => `- ${note}.`),
    );
  }
  if (beforeAfter.length) {
    lines.push(
      '',
      BEFORE_ROOT
        ? `Hot paths before (\`--before-root ${BEFORE_ROOT}\`) and after, back to back on the same data:`
        : 'Hot paths (search and board), measured first:',
      '',
      '| build | operation | clients | req/s | p50 ms | p95 ms | p99 ms | errors |',
      '|---|---|---|---|---|---|---|---|',
      ...beforeAfter.map(
        (r) =>
          `| ${r.label} | ${r.name} | ${r.c} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`,
      ),
    );
  }
  if (profile) {
    lines.push(
      '',
      `CPU profile of the API during the anonymous thread page run (\`node --cpu-prof\`, ${profile.samples} samples, idle excluded), by the profile's script URLs:`,
      '',
      '| part | self | with callees |',
      '|---|---|---|',
      ...profile.parts.map((p) => `| ${p.name} | ${p.self} % | ${p.inclusive} % |`),
    );
  }
  return lines.join('\n') + '\n';
}
