// `node tools/bench/report-writes.mjs`: what the staff report's rollup triggers cost the writes they
// follow, on the scale community (scale-seed.mjs; run `npm run bench:report` once first): N replies,
// votes and thanks inserted in one statement each, and (the narrow rows' triggers) N questions
// asked, N first responses and N posts scored negative, N status changes, inside a transaction
// rolled back, with the report's trigger and without it (disabled inside the same transaction), in
// turns (without, with) three times; prints the medians and the cost per row. Every other trigger
// runs in both.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { option, ROOT } from './harness.mjs';
import { openScaleCluster, scaleDataDir } from './scale-seed.mjs';

const dataDir = scaleDataDir(ROOT, option('data', tmpdir()), Number(option('scale-factor', '1')));
const { pg, seeded, stopAll } = await openScaleCluster(dataDir);
const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const sql = new Client({ connectionString: pg.url('parvis') });
try {
  if (!seeded) throw new Error(`No seeded community in ${dataDir}: run npm run bench:report first.`);
  await sql.connect();
  const N = 2000;
  const [{ idea }] = (
    await sql.query(`SELECT id AS idea FROM ideas WHERE status <> 'MERGED' ORDER BY votes_count LIMIT 1`)
  ).rows;
  const [{ help, staff }] = (
    await sql.query(
      `SELECT (SELECT id FROM spaces WHERE slug = 'help') AS help,
              (SELECT id FROM users WHERE role = 'STAFF' LIMIT 1) AS staff`,
    )
  ).rows;
  const cases = {
    replies: [
      `posts`,
      'report_helper_posts_insert',
      `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text)
       SELECT t.id, u.id, 'x', 'x', 'x' FROM (SELECT id, row_number() over () n FROM threads LIMIT ${N}) t
       JOIN (SELECT id, row_number() over () n FROM users OFFSET 10 LIMIT ${N}) u ON u.n = t.n`,
    ],
    votes: [
      `idea_votes`,
      'report_idea_vote_days_insert',
      `INSERT INTO idea_votes (idea_id, user_id)
       SELECT '${idea}', u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = '${idea}' AND v.user_id = u.id) LIMIT ${N}`,
    ],
    thanks: [
      `thanks`,
      'report_helper_thanks_insert',
      `INSERT INTO thanks (post_id, user_id)
       SELECT p.id, u.id FROM (SELECT id, author_id, row_number() over () n FROM posts WHERE NOT is_question ORDER BY created_at DESC LIMIT ${N}) p
       JOIN (SELECT id, row_number() over () n FROM users OFFSET 500 LIMIT ${N}) u ON u.n = p.n
       WHERE u.id <> p.author_id AND NOT EXISTS (SELECT 1 FROM thanks k WHERE k.post_id = p.id AND k.user_id = u.id)`,
    ],
    questions: [
      `threads`,
      'report_rows_threads_insert',
      `INSERT INTO threads (space_id, author_id, title, language, first_response_due_at, answer_due_at)
       SELECT '${help}', u.id, 'A question', 'fr', now() + interval '1 hour', now() + interval '1 day'
         FROM users u LIMIT ${N}`,
    ],
    'first responses': [
      `threads`,
      'report_rows_threads_update',
      `UPDATE threads SET first_response_at = now()
        WHERE id IN (SELECT id FROM threads WHERE first_response_at IS NULL ORDER BY created_at DESC LIMIT ${N})`,
    ],
    'posts scored negative': [
      `posts`,
      'report_rows_posts_update',
      `UPDATE posts SET tone = 'NEGATIVE', tone_score = -0.8
        WHERE id IN (SELECT id FROM posts WHERE tone IS DISTINCT FROM 'NEGATIVE' ORDER BY created_at DESC LIMIT ${N})`,
    ],
    'status changes': [
      `idea_status_changes`,
      'report_rows_idea_status_changes_insert',
      `INSERT INTO idea_status_changes (idea_id, from_status, to_status, changed_by_id, response_markdown, response_html)
       SELECT i.id, i.status, 'UNDER_REVIEW', '${staff}', 'x', 'x'
         FROM ideas i WHERE i.status <> 'MERGED' ORDER BY i.created_at DESC LIMIT ${N}`,
    ],
  };
  const out = {};
  for (let round = 0; round < 3; round++)
    for (const [name, [table, trigger, text]] of Object.entries(cases))
      for (const withTrigger of [false, true]) {
        await sql.query('BEGIN');
        if (!withTrigger) await sql.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
        const t0 = performance.now();
        const r = await sql.query(text);
        const ms = performance.now() - t0;
        await sql.query('ROLLBACK');
        (out[name] ??= { without: [], with: [], rows: r.rowCount })[withTrigger ? 'with' : 'without'].push(
          ms,
        );
      }
  const med = (a) => [...a].sort((x, y) => x - y)[1];
  for (const [name, o] of Object.entries(out))
    console.log(
      `${name}: ${o.rows} rows, without ${med(o.without).toFixed(0)} ms, with ${med(o.with).toFixed(0)} ms, per row ${(((med(o.with) - med(o.without)) / o.rows) * 1000).toFixed(0)} µs more, ratio ${(med(o.with) / med(o.without)).toFixed(2)}`,
    );
} finally {
  await sql.end().catch(() => undefined);
  await stopAll();
}
