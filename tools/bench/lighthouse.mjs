// `npm run bench:lighthouse`: Lighthouse (npm `lighthouse`, mobile profile) driving Debian's
// Chromium against the built Parvis, started as `npm start` runs it (its own embedded PostgreSQL in
// a throwaway folder, the demo community seeded) on a free port. Measures first and largest
// contentful paint of a thread page and the four category scores of the home page, a thread and
// the idea board; prints them and writes a dated section into tools/bench/RESULTS.md.
//
// Options: --runs N (each page N times, the median is kept; default 3), --no-write (print only),
// --root DIR (measure another built checkout, e.g. the commit before a change, with this script),
// --before DIR (measure that built checkout too, in turns with this one, run for run: before and
// after a change on the same machine at the same moments, both written).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { writeResultsSection } from './harness.mjs';

const HERE = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ROOT = option('--root') ? resolve(option('--root')) : HERE;
const BEFORE = option('--before') ? resolve(option('--before')) : null;
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const RUNS = Number(option('--runs') ?? 3);
const WRITE = !process.argv.includes('--no-write');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url, child, what) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} stopped while starting.`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await pause(200);
  }
  throw new Error(`${what} did not answer ${url} within 120 s.`);
}

/** Stops a process and waits for its exit (killed outright if it has not exited within 10 s). */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Parvis as `npm start` runs it, production settings over plain HTTP, with the demo. */
async function startParvis(root = ROOT) {
  for (const built of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
    if (!existsSync(join(root, built)))
      throw new Error(`Build first (npm run bench:lighthouse does): ${built} is missing.`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parvis-lighthouse-'));
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      // Plain HTTP on the loopback: no HSTS, no upgrade of requests to HTTPS.
      COOKIE_SECURE: 'false',
      PORT: String(port),
      PARVIS_DATA_DIR: dataDir,
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, child, 'Parvis');
  return {
    url,
    stop: async () => {
      await stop(child);
      await removeFolder(dataDir);
    },
  };
}

async function graphql(url, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The pages measured: the home page, an answered help thread of the demo, the idea board. */
async function pages(url) {
  const { spaces } = await graphql(url, '{ spaces { id slug kind } }');
  const help = spaces.find((s) => s.kind === 'HELP');
  const ideas = spaces.find((s) => s.kind === 'IDEAS');
  const { threads } = await graphql(
    url,
    'query ($spaceId: ID) { threads(spaceId: $spaceId, first: 20) { edges { node { id title status } } } }',
    { spaceId: help.id },
  );
  const nodes = threads.edges.map((e) => e.node);
  const thread = nodes.find((t) => t.status !== 'OPEN') ?? nodes[0];
  return [
    { name: 'home', path: '/' },
    { name: `thread (“${thread.title}”)`, path: `/t/${thread.id}`, paints: true },
    { name: 'idea board', path: `/s/${ideas.slug}` },
  ];
}

/** Debian's Chromium with its DevTools port open, a fresh profile, no network beyond the page. */
async function startChrome() {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'parvis-lighthouse-chrome-'));
  const child = spawn(
    CHROME,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  await waitFor(`http://127.0.0.1:${port}/json/version`, child, 'Chromium');
  return {
    port,
    stop: async () => {
      await stop(child);
      await removeFolder(profile);
    },
  };
}

/**
 * Removes a throwaway folder, tried again while something still writes into it (Chromium's helper
 * processes outlive the browser's own exit by a moment: `ENOTEMPTY`). A folder that cannot be
 * removed is left in the temporary directory with a warning: a measurement never fails for it.
 */
async function removeFolder(folder) {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      return;
    } catch (error) {
      if (attempt === 10) {
        console.warn(`Could not remove ${folder} (${error.code ?? error.message}); left in place.`);
        return;
      }
      await pause(500);
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * One Lighthouse run with its default mobile profile: a Moto G Power-sized screen and simulated
 * throttling of 150 ms round trip, 1.6 Mbit/s and a CPU slowed 4×.
 */
async function measure(port, url) {
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const throttling = lhr.configSettings.throttling;
  return {
    fcp: lhr.audits['first-contentful-paint'].numericValue,
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
    profile: `${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod}d: ${throttling.rttMs} ms RTT, ${(throttling.throughputKbps / 1000).toFixed(1)} Mbit/s, CPU ×${throttling.cpuSlowdownMultiplier}`,
    version: lhr.lighthouseVersion,
    // The element of the largest paint: it must be the server's HTML, not something hydration drew.
    lcpElement: lcpElementOf(lhr),
    // The weighted audits of each category that did not pass (a metric scoring under 0.9 included).
    failed: CATEGORIES.flatMap((c) =>
      lhr.categories[c].auditRefs
        .filter(
          (ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 0.9,
        )
        .map((ref) => ref.id),
    ),
  };
}

/**
 * The largest paint's element, or (when Lighthouse could not name it: Debian's Chromium often
 * reports no trace elements) how long after the first paint the observed largest paint came: 0 ms
 * means the largest paint is the server's HTML, painted before any script ran.
 */
function lcpElementOf(lhr) {
  const details = lhr.audits['largest-contentful-paint-element']?.details;
  const node = details?.items?.[0]?.items?.[0]?.node ?? details?.items?.[0]?.node;
  if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}`.trim().slice(0, 120);
  const observed = lhr.audits.metrics?.details?.items?.[0];
  if (!observed) return 'unknown';
  const after = observed.observedLargestContentfulPaint - observed.observedFirstContentfulPaint;
  return `not named; observed ${Math.round(after)} ms after the first paint`;
}

/**
 * Each run in a new Chromium (no cache, no state from the previous page), tried again when the
 * trace failed to record (Lighthouse's NO_NAVSTART and kin happen on a loaded machine).
 */
async function measureInFreshChrome(url) {
  for (let attempt = 1; ; attempt++) {
    const chrome = await startChrome();
    try {
      return await measure(chrome.port, url);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`Run failed (${error.message}); trying again.`);
    } finally {
      await chrome.stop();
    }
  }
}

const load = () => loadavg()[0].toFixed(2);

const commitOf = (root) =>
  execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();

async function main() {
  const loadBefore = load();
  // With --before, the checkout before the change is measured first in each pair of runs.
  const builds = [
    ...(BEFORE ? [{ label: 'before', root: BEFORE }] : []),
    { label: BEFORE ? 'after' : '', root: ROOT },
  ];
  const running = [];
  const rows = [];
  let profile = '';
  let version = '';
  try {
    for (const build of builds) {
      const parvis = await startParvis(build.root);
      running.push(parvis);
      build.url = parvis.url;
      build.pages = await pages(parvis.url);
      build.commit = commitOf(build.root);
    }
    for (let p = 0; p < builds[0].pages.length; p++) {
      const runs = builds.map(() => []);
      // One unmeasured load: the server compresses each file once, on its first request.
      for (const build of builds) await fetch(`${build.url}${build.pages[p].path}`);
      for (let i = 0; i < RUNS; i++) {
        for (const [b, build] of builds.entries()) {
          runs[b].push(await measureInFreshChrome(`${build.url}${build.pages[p].path}`));
        }
      }
      for (const [b, build] of builds.entries()) {
        const page = build.pages[p];
        profile = runs[b][0].profile;
        version = runs[b][0].version;
        const row = {
          ...page,
          build: build.label ? `${build.label} (${build.commit})` : '',
          fcp: median(runs[b].map((r) => r.fcp)),
          lcp: median(runs[b].map((r) => r.lcp)),
          lcps: runs[b].map((r) => r.lcp),
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs[b].map((r) => r.scores[c]))])),
          failed: [...new Set(runs[b].flatMap((r) => r.failed))],
          lcpElements: [...new Set(runs[b].map((r) => r.lcpElement))],
        };
        rows.push(row);
        console.log(
          `${row.build ? `${row.build} ` : ''}${page.name}: FCP ${(row.fcp / 1000).toFixed(2)} s, ` +
            `LCP ${(row.lcp / 1000).toFixed(2)} s (runs: ${row.lcps.map((ms) => (ms / 1000).toFixed(2)).join(', ')}), ` +
            CATEGORIES.map((c) => `${c} ${row.scores[c]}`).join(', ') +
            (row.failed.length ? `; failed audits: ${row.failed.join(', ')}` : '') +
            `; LCP element: ${row.lcpElements.join(' | ')}`,
        );
      }
    }
  } finally {
    await Promise.all(running.map((parvis) => parvis.stop()));
  }
  if (WRITE) writeResults(rows, { profile, version, loadBefore, loadAfter: load(), builds });
}

function writeResults(rows, { profile, version, loadBefore, loadAfter, builds }) {
  // The commit measured (read when the servers started), whatever HEAD is by now.
  const commit = builds[builds.length - 1].commit;
  const date = new Date().toISOString().slice(0, 10);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const compared = builds.length > 1;
  const section = [
    `## ${date} — Lighthouse, mobile (\`npm run bench:lighthouse\`, commit ${commit}` +
      (compared ? `, before: ${builds[0].commit})` : ')'),
    '',
    `Lighthouse ${version} driving Debian's Chromium (${CHROME}), ${profile}; the built app started as`,
    '`npm start` runs it (production settings over plain HTTP, embedded PostgreSQL, the demo seeded), each page',
    `measured ${RUNS} time(s), median kept` +
      (compared
        ? ', the two builds in turns (before, after, before, after…), each in a fresh Chromium.'
        : '.') +
      " The machine (2 cores) was shared with other engineers' builds and tests",
    `(load average ${loadBefore} before, ${loadAfter} after): simulated throttling scales the CPU work it observed, so`,
    'a loaded machine makes every figure worse. Targets (issue "public pages"): FCP ≤ 1.5 s and LCP ≤ 2.5 s on a thread',
    'page; performance ≥ 90, SEO 100, accessibility 100, best practices ≥ 95.',
    '',
    `| page |${compared ? ' build | LCP of each run |' : ''} FCP | LCP | performance | accessibility | best practices | SEO | audits not passed |`,
    `|---|${compared ? '---|---|' : ''}---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.name} |${compared ? ` ${r.build} | ${r.lcps.map(s).join(', ')} |` : ''} ${s(r.fcp)} | ${s(r.lcp)} | ` +
        `${r.scores.performance} | ${r.scores.accessibility} | ` +
        `${r.scores['best-practices']} | ${r.scores.seo} | ${r.failed.join(', ') || '—'} |`,
    ),
    '',
  ].join('\n');
  console.log(`Written into ${writeResultsSection(section)}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
