// `npm run bench:report`: the staff report page over the scale community (1M posts;
// tools/bench/scale-seed.mjs, plus the rows the report reads: tools/bench/report-seed.mjs). The web
// page's own `Report` operation (every section: answer times, who answers, top helpers,
// deflection, mood, ideas, time in status, top and trending ideas, campaigns) for the last 90
// days by day, for all spaces and for the help space, measured with autocannon at 4 and 16
// clients (p50/p95/p99 of every response); beside it, each section's statement timed alone in
// PostgreSQL (median of 5), to tell which one costs what. Writes a dated section into
// tools/bench/RESULTS.md (newest first).
//
// Options: --scale-factor F (default 1), --duration S (per run, default 10), --data DIR (where the
// seeded cluster is kept; default the system's temp folder), --before-root DIR (another built
// checkout: its API is measured first on the same data, for before/after figures of one run),
// --before-sql COMMIT (each section's statement as at COMMIT, on COMMIT's indexes, timed in turns
// with the checkout's: see sectionTimes), --no-write (print only).
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { graphql, option, ROOT, signIn, startApi, webOperations, writeResultsSection } from './harness.mjs';
import { openScaleCluster, scaleDataDir, seedScale } from './scale-seed.mjs';
import { isReportSeeded, seedReportRows } from './report-seed.mjs';

const FACTOR = Number(option('scale-factor', '1'));
const DURATION = Number(option('duration', '10'));
const BEFORE_ROOT = option('before-root') ? resolve(option('before-root')) : null;
const BEFORE_SQL = option('before-sql', null);
const WRITE = !process.argv.includes('--no-write');
const CONNECTIONS = [1, 4, 16];
const RANGE_DAYS = 90;
const TARGET_P95 = 300;
const API_ENV = { WEB_CONCURRENCY: '1' }; // one API process: the figures are per process
const log = (...a) => console.log(...a);

const dataDir = scaleDataDir(ROOT, option('data', tmpdir()), FACTOR);
const { pg, seeded, stoppers, stopAll } = await openScaleCluster(dataDir);
const databaseUrl = pg.url('parvis');

const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');

try {
  // The API migrates the cluster (a checkout with newer migrations than the seed's) at its start.
  const first = await startApi(databaseUrl, { port: 3960, env: API_ENV });
  await first.stop();
  if (!seeded) {
    log(`Seeding the scale community (factor ${FACTOR}) into ${dataDir} — once; later runs reuse it.`);
    await seedScale(ROOT, databaseUrl, dataDir, FACTOR, log);
  } else log(`Reusing the scale community in ${dataDir}.`);
  if (!isReportSeeded(dataDir)) await seedReportRows(ROOT, databaseUrl, dataDir, log);
  const counts = JSON.parse(readFileSync(join(dataDir, 'scale-seed.json'), 'utf8')).counts;
  const reportCounts = JSON.parse(readFileSync(join(dataDir, 'report-seed.json'), 'utf8')).counts;
  const operations = await webOperations();
  if (!operations.Report) throw new Error('The web app has no Report operation (run web:codegen).');
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  stoppers.push(() => sql.end());
  const [{ id: helpId }] = (await sql.query(`SELECT id FROM spaces WHERE slug = 'help'`)).rows;
  const to = new Date();
  const from = new Date(to.getTime() - RANGE_DAYS * 86_400_000);
  const scopes = [
    ['all spaces', null],
    ['help space', helpId],
  ];
  const load = [loadavg()[0].toFixed(2)];

  const rows = [];
  if (BEFORE_ROOT) rows.push(...(await measureApi(BEFORE_ROOT, 'before', 3961)));
  rows.push(...(await measureApi(ROOT, BEFORE_ROOT ? 'after' : '', 3962)));
  load.push(loadavg()[0].toFixed(2));
  const sections = await sectionTimes();
  load.push(loadavg()[0].toFixed(2));

  const section = report({ counts, reportCounts, rows, sections, load });
  console.log(section);
  if (WRITE) {
    log(`Written into ${writeResultsSection(section)}.`);
  }

  // ─── Pieces ───────────────────────────────────────────────────────────────────────────────

  /** The report page's operation at 4 and 16 clients, for each scope, against `root`'s API. */
  async function measureApi(root, label, port) {
    const api = await startApi(databaseUrl, { port, root, env: API_ENV });
    const measured = [];
    try {
      const cookie = await signIn(api.url, 'staff@parvis.test');
      for (const [scope, spaceId] of scopes) {
        const body = JSON.stringify({
          query: operations.Report,
          variables: { from, to, granularity: 'DAY', timeZone: 'Europe/Paris', spaceId },
        });
        const answer = await (
          await fetch(`${api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body,
          })
        ).json();
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        await cannon(api.url, body, cookie, 4, 2); // warm-up
        for (const c of CONNECTIONS) {
          const result = await cannon(api.url, body, cookie, c, DURATION);
          measured.push({ label, scope, c, ...result });
          log(`${label} ${scope} c=${c}: ${JSON.stringify(result)}`);
        }
      }
    } finally {
      await api.stop();
      await sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'parvis' AND pid <> pg_backend_pid()`,
      );
    }
    return measured;
  }

  /**
   * Each section's statement alone, median of 6 per scope: the checkout's `reports.queries`, and
   * with --before-sql COMMIT that commit's statements on that commit's indexes too (the migrations
   * added since are undone by their own `down` inside a transaction that is rolled back), run in
   * turns (before, after, before, after) so that both see the same machine; the rows of both
   * must be equal (the figures do not change, only how they are computed).
   */
  async function sectionTimes() {
    const after = sectionsOf(require(join(ROOT, 'apps/api/dist/reports/reports.queries.js')));
    const before = BEFORE_SQL ? sectionsOf(queriesAt(BEFORE_SQL)) : null;
    const undo = BEFORE_SQL ? migrationsSince(BEFORE_SQL) : [];
    const times = { before: {}, after: {} };
    const rowsOf = { before: {}, after: {} };
    const turn = async (label, sections) => {
      for (const [name, run] of Object.entries(sections))
        for (const [scope, spaceId] of scopes) {
          const s = {
            from,
            to,
            granularity: 'day',
            timeZone: 'Europe/Paris',
            spaceId,
            language: null,
            now: to,
          };
          rowsOf[label][`${name} ${scope}`] = JSON.stringify(await run(s));
          for (let i = 0; i < 3; i++) {
            const t0 = performance.now();
            await run(s);
            ((times[label][name] ??= {})[scope] ??= []).push(performance.now() - t0);
          }
        }
    };
    for (let round = 0; round < 2; round++) {
      if (before) {
        await sql.query('BEGIN');
        for (const migration of undo) await migration.down({ query: (text) => sql.query(text) });
        await sql.query('ANALYZE posts, idea_votes');
        await turn('before', before);
        await sql.query('ROLLBACK');
      }
      await turn('after', after);
    }
    const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    return Object.keys(after).map((name) => {
      const row = { name };
      for (const [scope] of scopes) {
        row[scope] = median(times.after[name][scope]).toFixed(1);
        if (before) {
          row[`${scope} before`] = median(times.before[name][scope]).toFixed(1);
          row[`${scope} same`] = rowsOf.before[`${name} ${scope}`] === rowsOf.after[`${name} ${scope}`];
        }
      }
      return row;
    });
  }

  function sectionsOf(queries) {
    const db = { query: (text, params) => sql.query(text, params).then((r) => r.rows) };
    return {
      responseTimes: (s) => queries.responseTimes(db, s),
      answerers: (s) => queries.answererShare(db, s),
      topHelpers: (s) => queries.topHelpers(db, s, 10),
      deflection: (s) => queries.deflection(db, s),
      mood: (s) => queries.mood(db, s),
      ideaFlow: (s) => queries.ideaFlow(db, s),
      timeInStatus: (s) => queries.timeInStatus(db, s),
      topIdeas: (s) => queries.ideasByVotes(db, s, 'range', 10),
      trendingIdeas: (s) => queries.ideasByVotes(db, s, 'last-week', 10),
      campaigns: (s) => queries.campaignResults(db, s),
    };
  }

  /** The report's statements as they were at `commit` (its reports.queries.ts, transpiled). */
  function queriesAt(commit) {
    const ts = require('typescript');
    const source = spawnSync('git', ['show', `${commit}:apps/api/src/reports/reports.queries.ts`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (source.status !== 0) throw new Error(source.stderr);
    const { outputText } = ts.transpileModule(source.stdout, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', outputText)(module, module.exports, require);
    return module.exports;
  }

  /** The checkout's migrations that `commit` did not have, newest first (to undo them in turn). */
  function migrationsSince(commit) {
    const listed = spawnSync('git', ['ls-tree', '--name-only', commit, 'apps/api/src/database/migrations/'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout;
    const { MIGRATIONS } = require(join(ROOT, 'apps/api/dist/database/migrations/index.js'));
    return MIGRATIONS.filter((M) => !listed.includes(`/${String(M.name).match(/\d+$/)[0]}-`))
      .reverse()
      .map((M) => new M());
  }

  function report({ counts, reportCounts, rows, sections, load }) {
    const date = new Date().toISOString().slice(0, 10);
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.trim();
    const fmt = (n) => Number(n).toLocaleString('en');
    const lines = [
      `## ${date} — the staff report page, 90 days by day over 1M posts (\`npm run bench:report\`), ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, shared machine`,
      '',
      `\`tools/bench/report-bench.mjs\` at ${commit}: the web page's \`Report\` operation (every section), the last ${RANGE_DAYS} days by day in Europe/Paris, as staff, autocannon over loopback for ${DURATION} s per row, one API process. Community: ${fmt(counts.users)} users, ${fmt(counts.threads)} threads, ${fmt(counts.posts)} posts, ${fmt(counts.ideas)} ideas, ${fmt(counts.votes)} votes; report rows: ${Object.entries(
        reportCounts,
      )
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(
          ', ',
        )}. Load average (1 min) before / between / after: ${load.join(' / ')} — the machine is shared with other sessions, so compare rows of one run (ratios), not absolute figures across sections. Target: p95 ≤ ${TARGET_P95} ms.`,
      '',
      `| ${BEFORE_ROOT ? 'build | ' : ''}scope | clients | req/s | p50 ms | p95 ms | p99 ms | errors | p95 ≤ ${TARGET_P95} ms |`,
      `|${BEFORE_ROOT ? '---|' : ''}---|---|---|---|---|---|---|---|`,
      ...rows.map(
        (r) =>
          `| ${BEFORE_ROOT ? `${r.label} | ` : ''}${r.scope} | ${r.c} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${Number(r.p95) <= TARGET_P95 ? 'yes' : 'no'} |`,
      ),
      '',
      BEFORE_SQL
        ? `Each section's statement alone in PostgreSQL, median of 6 per scope, ms: before = the statements and indexes of ${BEFORE_SQL} (the migrations since undone inside a transaction, rolled back afterwards), after = this checkout's; run in turns (before, after, before, after). "same rows": both answered exactly the same rows.`
        : "Each section's statement alone in PostgreSQL (the checkout's `reports.queries`), median of 6, ms:",
      '',
      BEFORE_SQL
        ? '| section | all spaces before | all spaces after | after/before | help space before | help space after | after/before | same rows |'
        : '| section | all spaces | help space |',
      BEFORE_SQL ? '|---|---|---|---|---|---|---|---|' : '|---|---|---|',
      ...sections.map((s) =>
        BEFORE_SQL
          ? `| ${s.name} | ${s['all spaces before']} | ${s['all spaces']} | ${(s['all spaces'] / s['all spaces before']).toFixed(2)} | ${s['help space before']} | ${s['help space']} | ${(s['help space'] / s['help space before']).toFixed(2)} | ${s['all spaces same'] && s['help space same'] ? 'yes' : 'NO'} |`
          : `| ${s.name} | ${s['all spaces']} | ${s['help space']} |`,
      ),
      ...(BEFORE_SQL
        ? [
            `| all sections | ${sum(sections, 'all spaces before')} | ${sum(sections, 'all spaces')} | ${(sum(sections, 'all spaces') / sum(sections, 'all spaces before')).toFixed(2)} | ${sum(sections, 'help space before')} | ${sum(sections, 'help space')} | ${(sum(sections, 'help space') / sum(sections, 'help space before')).toFixed(2)} | |`,
          ]
        : []),
      '',
    ];
    return lines.join('\n');
  }
} finally {
  await stopAll();
}

function sum(rows, key) {
  return rows.reduce((total, r) => total + Number(r[key]), 0).toFixed(1);
}

/** `duration` seconds of the same POST at `connections` clients; latencies of every response. */
async function cannon(url, body, cookie, connections, duration) {
  const latencies = [];
  let errors = 0;
  const instance = autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    timeout: 60, // a slow answer is measured, not counted as an error at autocannon's 10 s
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', cookie },
    requests: [
      { onResponse: (status, text) => void ((status !== 200 || text.includes('"errors"')) && errors++) },
    ],
  });
  instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]
      : NaN;
  return {
    rps: (latencies.length / duration).toFixed(1),
    p50: pct(50).toFixed(1),
    p95: pct(95).toFixed(1),
    p99: pct(99).toFixed(1),
    errors: errors + result.errors + result.timeouts + result.non2xx,
  };
}
