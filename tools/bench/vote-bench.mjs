// `npm run bench:vote`: the vote (the web app's VoteForIdea, signed in) on the scale community of
// `npm run bench:scale` (10k ideas, 1M votes), at 32 concurrent clients, 64 members voting in turns,
// beside its ceiling measured right after each run on the same data: pgbench running the same vote
// transaction (tools/bench/vote-transaction.sql). Two ways of voting, each for the API and for pgbench:
// "one idea at a time" (every member votes for the same idea, then the next: a popular idea, and
// the way bench:scale votes; pgbench moves to the next idea every 100 ms) and "spread" (each vote for
// another idea). With `--before-root DIR` (another built checkout; `--before-data DIR2` when its
// schema differs) both builds run in turns (before, after, before, after…), so that a shared, noisy
// machine compares pairs run back to back. During each build's first run of each way, the database
// sessions are sampled every 50 ms (pg_stat_activity): what a vote waits for. Writes a dated section
// into tools/bench/RESULTS.md (newest first).
//
// Options: --data DIR (the seeded scale cluster's folder, as bench:scale's), --before-data DIR2,
// --scale-factor F, --duration S (per run, default 10), --rounds N (turns per build, default 2),
// --processes N (API processes, default 1), --before-root DIR, --no-write.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cannon,
  cpuTimes,
  option,
  ROOT,
  signIn,
  startApi,
  webOperations,
  writeResultsSection,
} from './harness.mjs';
import { openSeededCluster, scaleDataDir } from './scale-seed.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FACTOR = Number(option('scale-factor', '1'));
const DURATION = Number(option('duration', '10'));
const ROUNDS = Number(option('rounds', '2'));
const PROCESSES = Number(option('processes', '1'));
const BEFORE_ROOT = option('before-root') ? resolve(option('before-root')) : null;
const WRITE = !process.argv.includes('--no-write');
const CONNECTIONS = 32;
const CROWD = 64;
const API_ENV = {
  WEB_CONCURRENCY: String(PROCESSES),
  VOTE_LIMIT_PER_MEMBER: '100000',
  VOTE_LIMIT_WINDOW_SECONDS: '10',
};
const WAYS = [
  { name: 'one idea at a time', hot: 1 },
  { name: 'spread', hot: 0 },
];
const log = (...a) => console.log(...a);

const { Client } = createRequire(join(ROOT, 'package.json'))('pg');
const clusters = [];
/** The seeded scale cluster in `dir`, started; stopped at the end. */
async function cluster(dir) {
  const opened = await openSeededCluster(dir);
  clusters.push(opened);
  return opened;
}

try {
  const after = await cluster(scaleDataDir(ROOT, option('data', tmpdir()), FACTOR));
  const before =
    BEFORE_ROOT && option('before-data')
      ? await cluster(scaleDataDir(BEFORE_ROOT, option('before-data'), FACTOR))
      : after;
  const emails = Array.from({ length: CROWD }, (_, i) => `bench-${i + 1}@parvis.test`);
  const operations = await webOperations();
  const load = [loadavg()[0].toFixed(2)];
  const builds = BEFORE_ROOT
    ? [
        { label: 'before', root: BEFORE_ROOT, db: before },
        { label: 'after', root: ROOT, db: after },
      ]
    : [{ label: 'this build', root: ROOT, db: after }];
  const runs = [];
  const waits = [];
  let port = 3980;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const build of builds) {
      const { sql } = build.db;
      const openIdeas = (
        await sql.query(
          `SELECT b.id FROM bench.ideas b JOIN ideas i ON i.id = b.id
            WHERE i.status NOT IN ('LAUNCHED', 'DECLINED', 'MERGED') AND i.campaign_id IS NULL ORDER BY b.n`,
        )
      ).rows.map((r) => r.id);
      const counts = (
        await sql.query(
          `SELECT (SELECT count(*) FROM bench.ideas)::int AS ideas, (SELECT count(*) FROM bench.users)::int AS users`,
        )
      ).rows[0];
      const api = await startApi(build.db.url, { port: port++, root: build.root, env: API_ENV });
      try {
        const cookies = [];
        for (const email of emails) cookies.push(await signIn(api.url, email));
        for (const way of WAYS) {
          // Each run starts with none of the crowd's votes active, so that no vote is refused.
          await sql.query(
            `UPDATE idea_votes SET withdrawn_at = now() WHERE withdrawn_at IS NULL AND user_id IN (SELECT id FROM users WHERE email = ANY($1))`,
            [emails],
          );
          // One sequence for the warm-up and the run: a warm-up vote still finishing after the
          // withdrawal below must not be for a (member, idea) the run then votes again, which
          // the API rightly refuses (ALREADY_VOTED) and the run would count as an error.
          const next = votes(cookies, openIdeas, way.hot);
          await cannon(api.url, next, CONNECTIONS, 2); // warm-up, not counted
          await sql.query(
            `UPDATE idea_votes SET withdrawn_at = now() WHERE withdrawn_at IS NULL AND user_id IN (SELECT id FROM users WHERE email = ANY($1))`,
            [emails],
          );
          const roots = { api: api.pid, db: build.db.postmaster };
          const sampler = round === 1 ? sample(build.db.url) : null;
          const cpu0 = cpuTimes(roots);
          const r = await cannon(api.url, next, CONNECTIONS, DURATION);
          const cpu1 = cpuTimes(roots);
          if (sampler) waits.push({ build: build.label, way: way.name, ...(await sampler.stop()) });
          const per = (part) => (r.count ? (cpu1[part] - cpu0[part]) / r.count : NaN);
          const ceiling = pgbench(build.db.url, CONNECTIONS, DURATION, counts, way.hot);
          const row = {
            round,
            build: build.label,
            way: way.name,
            ...r,
            apiCpu: per('api'),
            dbCpu: per('db'),
            pgbench: ceiling,
          };
          runs.push(row);
          log(line(row));
        }
      } finally {
        await api.stop();
      }
    }
  }
  load.push(loadavg()[0].toFixed(2));
  const section = report({ runs, waits, load });
  console.log(section);
  if (WRITE) log(`Written into ${writeResultsSection(section)}.`);

  /**
   * Votes from the crowd in turns: `hot`, every member for the same idea, then the next idea;
   * otherwise each vote for the next idea (member n votes for ideas n, n + 64, …: never twice).
   */
  function votes(pool, ideas, hot) {
    let k = 0;
    return () => {
      const n = k++;
      const ideaId = hot ? ideas[Math.floor(n / pool.length) % ideas.length] : ideas[n % ideas.length];
      return {
        body: JSON.stringify({ query: operations.VoteForIdea, variables: { input: { ideaId } } }),
        headers: { cookie: pool[n % pool.length] },
      };
    };
  }
} finally {
  for (const c of clusters.reverse()) await c.stopAll();
}

/**
 * Samples the database's client sessions every 50 ms until stopped: how often a session was seen
 * running, idle in its transaction (waiting for the API's next statement) or waiting, and on what.
 */
function sample(url) {
  const client = new Client({ connectionString: url });
  const seen = new Map();
  let samples = 0;
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query(
        `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 50) AS query
           FROM pg_stat_activity
          WHERE datname = 'parvis' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            AND state <> 'idle'`,
      );
      samples++;
      for (const r of rows) {
        const what =
          r.state === 'active'
            ? r.wait_event_type
              ? `waiting: ${r.wait_event_type}/${r.wait_event} (${r.query}…)`
              : `running (${r.query}…)`
            : `${r.state}: the API's next statement (after ${r.query}…)`;
        seen.set(what, (seen.get(what) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      const top = [...seen].sort((a, b) => b[1] - a[1]).slice(0, 8);
      return { samples, top };
    },
  };
}

/** The ceiling: pgbench running the vote transaction on the same data; `hot` as the API's run. */
function pgbench(url, clients, duration, counts, hot) {
  const bin = [
    '/usr/bin/pgbench',
    '/usr/lib/postgresql/17/bin/pgbench',
    '/usr/lib/postgresql/15/bin/pgbench',
  ].find((p) => existsSync(p));
  if (!bin)
    throw new Error(
      'pgbench not found (/usr/bin/pgbench): the vote ceiling is what this benchmark compares to.',
    );
  const u = new URL(url);
  const dir = mkdtempSync(join(tmpdir(), 'parvis-pgbench-'));
  const script = join(dir, 'vote.sql');
  writeFileSync(script, readFileSync(join(HERE, 'vote-transaction.sql'), 'utf8'));
  const run = spawnSync(
    bin,
    [
      '-n',
      ...['-c', String(clients), '-j', '2', '-T', String(duration), '-f', script],
      ...['-D', `ideas=${counts.ideas}`, '-D', `users=${counts.users}`, '-D', `hot=${hot}`],
      ...['-h', u.hostname, '-p', u.port, '-U', u.username, 'parvis'],
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  if (!tps) throw new Error(`pgbench's vote transaction failed:\n${run.stderr}`);
  const latency = /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1];
  return { tps: Math.round(tps), latency };
}

/** One run as a row of the table. */
function line(r) {
  return `| ${r.round} | ${r.build} | ${r.way} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.apiCpu.toFixed(2)} | ${r.dbCpu.toFixed(2)} | ${r.pgbench.tps} (${r.pgbench.latency} ms) | ${((100 * r.rps) / r.pgbench.tps).toFixed(1)} % |`;
}

function report({ runs, waits, load }) {
  const git = (root, format) =>
    spawnSync('git', ['-C', root, 'log', '-1', `--format=${format}`], { encoding: 'utf8' }).stdout.trim();
  const before = BEFORE_ROOT ? git(BEFORE_ROOT, '%h') : null;
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — vote at scale (\`npm run bench:vote\`), ${cpus().length} cores`,
    '',
    `Commit ${git(ROOT, '%h %s')}${before ? ` (before: ${before}, \`--before-root\`${option('before-data') ? ', each build on its own copy of the data, at its own migrations' : ''})` : ''}.` +
      ` The scale community; VoteForIdea signed in as ${CROWD} members in turns at ${CONNECTIONS} clients, then pgbench's vote transaction` +
      ` (tools/bench/vote-transaction.sql) at ${CONNECTIONS} clients on the same data, voting the same way;` +
      ` ${DURATION} s per run after a 2 s warm-up, ${ROUNDS} round(s)${before ? ', the builds in turns' : ''},` +
      ` ${PROCESSES === 1 ? 'one API process' : `${PROCESSES} API processes`}; load average ${load.join(' → ')}` +
      ' (the machine may be shared: compare pairs of one round).',
    '',
    '| round | build | voting | req/s | p50 ms | p95 ms | p99 ms | errors | API CPU ms / vote | PostgreSQL CPU ms / vote | pgbench tps (latency) | API ÷ pgbench |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(line),
  ];
  if (before) {
    lines.push(
      '',
      '| voting | median req/s, before → after | after / before req/s, per round | median share of pgbench, before → after | median CPU ms / vote (API + PostgreSQL), before → after |',
      '|---|---|---|---|---|',
    );
    const cpu = (r) => r.apiCpu + r.dbCpu;
    const share = (r) => (100 * r.rps) / r.pgbench.tps;
    for (const way of WAYS.map((w) => w.name)) {
      const of = (build) => runs.filter((r) => r.build === build && r.way === way);
      const ratios = of('after')
        .map((a) => {
          const b = of('before').find((r) => r.round === a.round);
          return b && b.rps ? (a.rps / b.rps).toFixed(2) : '–';
        })
        .join(', ');
      const medians = (value, digits, unit = '') =>
        `${median(of('before').map(value)).toFixed(digits)}${unit} → ${median(of('after').map(value)).toFixed(digits)}${unit}`;
      lines.push(
        `| ${way} | ${medians((r) => r.rps, 0)} | ${ratios} | ${medians(share, 1, ' %')} | ${medians(cpu, 2)} |`,
      );
    }
  }
  for (const w of waits) {
    lines.push(
      '',
      `What the database sessions were doing (${w.build}, ${w.way}; ${w.samples} samples of pg_stat_activity, every 50 ms; sessions seen per sample, most frequent first):`,
      '',
      '| sessions per sample | state |',
      '|---|---|',
      ...w.top.map(
        ([what, n]) => `| ${(n / Math.max(1, w.samples)).toFixed(1)} | ${what.replace(/\|/g, '\\|')} |`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}
