// Search's SQL alone, before and after a change, one client, query by query alternating, on the
// scale benchmark's data (seeded by `npm run bench:scale`): what the database costs per search,
// apart from the API and from how loaded the machine is at the moment of each run.
// `node tools/bench/search-sql-compare.mjs --before-root ../other-checkout [--data DIR] [--scale-factor F]
//  [--before-data DIR]`: with --before-data (when a migration changed what search reads), the before
// build's statement runs on its own copy of the data, at its own migrations, the after build's on this one's.
// `--prepared`: each build's statement sent by name, prepared once per connection as the API sends it
// (database/preparing-client.ts): after five runs PostgreSQL may keep one generic plan for every word.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { option, ROOT, startPostgres } from './harness.mjs';
import { isSeeded, scaleDataDir, searchTerms } from './scale-seed.mjs';

const beforeRoot = option('before-root') && resolve(option('before-root'));
if (!beforeRoot) throw new Error('Give the other built checkout: --before-root DIR');
const dataDir = scaleDataDir(ROOT, option('data', tmpdir()), Number(option('scale-factor', '1')));
if (!isSeeded(dataDir)) throw new Error(`No seeded community in ${dataDir}: run npm run bench:scale first.`);

const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const builds = [
  ['before', require(join(beforeRoot, 'apps/api/dist/search/search.service.js')).SearchService],
  ['after', require(join(ROOT, 'apps/api/dist/search/search.service.js')).SearchService],
];
/** The statement a build's SearchService sends for `query`, caught instead of run. */
async function statementOf(SearchService, query) {
  let caught;
  await new SearchService({ query: async (sql, params) => ((caught = [sql, params]), []) }).search(query, 20);
  return caught;
}

const PREPARED = process.argv.includes('--prepared');
const beforeDataDir = option('before-data')
  ? scaleDataDir(beforeRoot, option('before-data'), Number(option('scale-factor', '1')))
  : dataDir;
if (!isSeeded(beforeDataDir)) throw new Error(`No seeded community in ${beforeDataDir}.`);
const clusters = [];
const clients = {};
try {
  for (const [build, dir] of [
    ['before', beforeDataDir],
    ['after', dataDir],
  ]) {
    const shared = clusters.find((c) => c.dir === dir);
    const pg = shared?.pg ?? (await startPostgres(dir));
    if (!shared) clusters.push({ dir, pg });
    clients[build] = new Client({ connectionString: pg.url('parvis') });
    await clients[build].connect();
  }
  const terms = searchTerms();
  const times = {};
  const answers = {}; // query → build → its ranked threads and ranks
  for (const round of [0, 1, 2, 3])
    for (const kind of ['everyday', 'rare'])
      for (const query of terms[kind])
        for (const [build, SearchService] of builds) {
          const [sql, params] = await statementOf(SearchService, query);
          const t0 = performance.now();
          const { rows } = await clients[build].query(
            PREPARED ? { name: `search_${build}`, text: sql, values: params } : { text: sql, values: params },
          );
          if (round === 0)
            (answers[query] ??= {})[build] = JSON.stringify(rows.map((r) => [r.thread_id, r.rank]));
          if (round > 0) (times[`${build} | ${kind}`] ??= []).push(performance.now() - t0); // round 0 warms up
        }
  console.log('| build | words | queries | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|');
  for (const [key, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    const pct = (p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))].toFixed(1);
    console.log(`| ${key} | ${list.length} | ${pct(50)} | ${pct(95)} | ${list.at(-1).toFixed(1)} |`);
  }
  const differ = Object.keys(answers).filter((q) => answers[q].before !== answers[q].after);
  console.log(
    differ.length === 0
      ? `Both builds ranked the same threads with the same ranks for all ${Object.keys(answers).length} queries.`
      : `Ranked differently (threads or ranks) for: ${differ.join(', ')}.`,
  );
} finally {
  for (const client of Object.values(clients)) await client.end();
  for (const { pg } of clusters) await pg.stop();
}
