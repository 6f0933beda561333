// `npm run bench:reply`: the reply (the web app's ThreadRouteReply, signed in) on the scale
// community of `npm run bench:scale` (1M posts), at 32 concurrent clients, the way a crowd replies:
// a pool of members (64 by default, round robin, each reply to the next of 2,000 ordinary help
// threads), and, for comparison, all of them sent by ONE member (one rate-limit row, one session).
// With `--before-root DIR` (another built checkout) both builds are measured on the same data in
// turns (before, after, before, after…), so that a shared, noisy machine compares pairs run back
// to back. Writes a dated section into tools/bench/RESULTS.md (newest first), with the number of
// posts the runs added to the data (replies are kept: the community grows with each run).
// A reply also mails the thread's followers who chose "e-mail at once" (in the scale data, the
// member who replied to every bench thread once follows them all): how many mails each reply
// queued and the processor time of their delivery, waited for after each run, are columns of
// their own, so that the next run is not measured beside the last one's deliveries.
//
// Options: --data DIR (the seeded scale cluster's folder, as bench:scale's), --scale-factor F,
// --duration S (per run, default 10), --rounds N (turns per build, default 2), --members N (the
// pool, default 64), --processes N (API processes, default 1), --before-root DIR, --no-write.
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  cannon,
  cpuTimes,
  mailsDelivered,
  mailsQueued,
  option,
  ROOT,
  signIn,
  startApi,
  webOperations,
  writeResultsSection,
} from './harness.mjs';
import { openSeededCluster, scaleDataDir } from './scale-seed.mjs';

const FACTOR = Number(option('scale-factor', '1'));
const DURATION = Number(option('duration', '10'));
const ROUNDS = Number(option('rounds', '2'));
const MEMBERS = Number(option('members', '64'));
const PROCESSES = Number(option('processes', '1'));
const BEFORE_ROOT = option('before-root') ? resolve(option('before-root')) : null;
const WRITE = !process.argv.includes('--no-write');
const CONNECTIONS = 32;
const API_ENV = {
  WEB_CONCURRENCY: String(PROCESSES),
  POST_LIMIT_PER_MEMBER: '10000',
  POST_LIMIT_WINDOW_SECONDS: '10',
};
const log = (...a) => console.log(...a);

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
  const one = async (q, p = []) => (await after.sql.query(q, p)).rows;
  const postCount = async () => {
    let n = 0;
    for (const c of new Set([after, before]))
      n += Number((await c.sql.query(`SELECT count(*) FROM posts`)).rows[0].count);
    return n;
  };
  const threads = (
    await one(
      `SELECT b.id FROM bench.threads b JOIN threads t ON t.id = b.id
        WHERE b.kind = 'HELP' AND t.replies_count BETWEEN 3 AND 50 AND NOT t.locked ORDER BY b.n LIMIT 2000`,
    )
  ).map((r) => r.id);
  // Ordinary members of the seed (every 100th is an expert, every 1,000th staff: none below 100).
  const emails = Array.from({ length: MEMBERS }, (_, i) => `bench-${i + 1}@parvis.test`);
  const operations = await webOperations();
  const postsAtStart = Number((await one(`SELECT count(*) FROM posts`))[0].count);
  const allPostsAtStart = await postCount();
  const load = [loadavg()[0].toFixed(2)];
  const builds = BEFORE_ROOT
    ? [
        { label: 'before', root: BEFORE_ROOT, db: before },
        { label: 'after', root: ROOT, db: after },
      ]
    : [{ label: 'this build', root: ROOT, db: after }];
  const runs = [];
  let port = 3970;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const build of builds) {
      const api = await startApi(build.db.url, { port: port++, root: build.root, env: API_ENV });
      try {
        const cookies = [];
        for (const email of emails) cookies.push(await signIn(api.url, email));
        for (const [crowd, pool] of [
          [`${MEMBERS} members, round robin`, cookies],
          ['one member', cookies.slice(0, 1)],
        ]) {
          const make = replies(pool);
          await cannon(api.url, make, CONNECTIONS, 2); // warm-up, not counted
          await mailsDelivered(build.db.sql); // the warm-up's (and any earlier run's) mails
          const roots = { api: api.pid, db: build.db.postmaster };
          const mails0 = await mailsQueued(build.db.sql);
          const cpu0 = cpuTimes(roots);
          const r = await cannon(api.url, make, CONNECTIONS, DURATION);
          const cpu1 = cpuTimes(roots);
          // The followers' mails the replies queued are delivered after them: their processor
          // time is part of what a reply costs, counted apart (and out of the next run).
          const mails = (await mailsQueued(build.db.sql)) - mails0;
          const drained = await mailsDelivered(build.db.sql);
          const cpu2 = cpuTimes(roots);
          // Processor time per reply, of the API and of PostgreSQL (its backends and writers):
          // what a reply costs, much less sensitive than req/s to what else runs on the machine.
          const per = (part, from = cpu0, to = cpu1) => (r.count ? (to[part] - from[part]) / r.count : NaN);
          const row = {
            round,
            build: build.label,
            crowd,
            ...r,
            apiCpu: per('api'),
            dbCpu: per('db'),
            mailsPerReply: r.count ? mails / r.count : NaN,
            deliveryCpu: per('api', cpu1, cpu2) + per('db', cpu1, cpu2),
            drained,
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
  const added = (await postCount()) - allPostsAtStart;
  const section = report({ runs, load, postsAtStart, added });
  console.log(section);
  if (WRITE) {
    log(`Written into ${writeResultsSection(section)}.`);
  }

  /** Replies from the pool in turn, each to the next thread, as the web app sends them. */
  function replies(pool) {
    let i = 0;
    return () => {
      const n = i++;
      return {
        body: JSON.stringify({
          query: operations.ThreadRouteReply,
          variables: {
            input: {
              threadId: threads[n % threads.length],
              bodyMarkdown: `A reply from the benchmark, number ${n}: the router works again.`,
            },
          },
        }),
        headers: { cookie: pool[n % pool.length] },
      };
    };
  }
} finally {
  for (const c of clusters.reverse()) await c.stopAll();
}

/** One run as a row of the table. */
function line(r) {
  return `| ${r.round} | ${r.build} | ${r.crowd} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.apiCpu.toFixed(2)} | ${r.dbCpu.toFixed(2)} | ${r.mailsPerReply.toFixed(2)} | ${r.deliveryCpu.toFixed(2)} (${r.drained} s) |`;
}

function report({ runs, load, postsAtStart, added }) {
  const commit = spawnSync('git', ['-C', ROOT, 'log', '-1', '--format=%h %s'], {
    encoding: 'utf8',
  }).stdout.trim();
  const before = BEFORE_ROOT
    ? spawnSync('git', ['-C', BEFORE_ROOT, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).stdout.trim()
    : null;
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)} — reply at scale (\`npm run bench:reply\`), ${cpus().length} cores`,
    '',
    `Commit ${commit}${before ? ` (before: ${before}, \`--before-root\`)` : ''}. The scale community (${postsAtStart.toLocaleString('en')} posts at the start;` +
      ` these runs added ${added.toLocaleString('en')}${BEFORE_ROOT && option('before-data') ? ' over the two copies: each build ran on its own copy, at its own migrations' : ''}), ThreadRouteReply signed in at ${CONNECTIONS} clients, each reply to the next of 2,000 help threads;` +
      ` ${DURATION} s per run after a 2 s warm-up, ${ROUNDS} round(s)${before ? ', the builds in turns' : ''},` +
      ` ${PROCESSES === 1 ? 'one API process' : `${PROCESSES} API processes`}; load average ${load.join(' → ')}` +
      ' (the machine may be shared: compare pairs of one round).',
    '',
    '| round | build | who replies | req/s | p50 ms | p95 ms | p99 ms | errors | API CPU ms / reply | PostgreSQL CPU ms / reply | mails / reply | their delivery after the run: CPU ms / reply (API + PostgreSQL) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(line),
  ];
  if (before) {
    lines.push(
      '',
      '| who replies | median req/s, before → after | after / before req/s, per round | median CPU ms / reply (API + PostgreSQL), before → after | after / before CPU, per round |',
      '|---|---|---|---|---|',
    );
    const cpu = (r) => r.apiCpu + r.dbCpu;
    for (const crowd of [...new Set(runs.map((r) => r.crowd))]) {
      const of = (build) => runs.filter((r) => r.build === build && r.crowd === crowd);
      const ratios = (value) =>
        of('after')
          .map((a) => {
            const b = of('before').find((r) => r.round === a.round);
            return b && value(b) ? (value(a) / value(b)).toFixed(2) : '–';
          })
          .join(', ');
      const medians = (value, digits) =>
        `${median(of('before').map(value)).toFixed(digits)} → ${median(of('after').map(value)).toFixed(digits)}`;
      lines.push(
        `| ${crowd} | ${medians((r) => r.rps, 0)} | ${ratios((r) => r.rps)} | ${medians(cpu, 2)} | ${ratios(cpu)} |`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
