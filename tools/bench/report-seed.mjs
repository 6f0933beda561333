// The rows the staff report reads, added to the scale benchmark's community (scale-seed.mjs seeds
// threads, posts, accepted answers, ideas and votes, but no answer clocks, first responses, tones,
// thanks or ask attempts). Written once into the seeded cluster, with SQL shaped like the app's
// own writes (ClocksService's deadlines, AnswersService's first responses, the tone scorer's
// columns, the posts marked answered, thanks, the new-question form's attempts): the report's
// statements then read a community with deadlines met and missed, staff and community answers,
// negative posts answered in time or late, and deflections. Deterministic (ids' hashes, a seeded
// random); marked by report-seed.json in the cluster's folder, so later runs reuse it.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const MARK = 'report-seed.json';

export function isReportSeeded(dataDir) {
  return existsSync(join(dataDir, MARK));
}

/** Adds the report's rows to the scale community in `databaseUrl` (seeded by seedScale before). */
export async function seedReportRows(root, databaseUrl, dataDir, log = console.log) {
  const require = createRequire(join(root, 'package.json'));
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  const step = (what) => log(`  [${Math.round((Date.now() - started) / 1000)} s] report rows: ${what}`);
  try {
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SELECT setseed(0.2026)`);
    const [{ id: staffId }] = (await db.query(`SELECT id FROM users WHERE email = 'staff@parvis.test'`)).rows;

    // Answer clocks on every help question (24/7, the space's minutes), as ClocksService starts them.
    await db.query(
      `UPDATE threads t SET first_response_due_at = t.created_at + make_interval(mins => s.first_response_minutes),
                            answer_due_at = t.created_at + make_interval(mins => s.answer_minutes)
         FROM spaces s, bench.threads b
        WHERE s.id = t.space_id AND s.kind = 'HELP' AND b.id = t.id AND t.first_response_due_at IS NULL`,
    );
    step('answer clocks');
    // First responses: two open threads in three with replies had their first reply counted (the
    // threads with an accepted answer have theirs already); the others' clocks ran out.
    await db.query(
      `UPDATE threads t SET first_response_at = r.created_at, first_response_by_id = r.author_id
         FROM (SELECT DISTINCT ON (p.thread_id) p.thread_id, p.created_at, p.author_id FROM posts p
                 JOIN bench.threads b ON b.id = p.thread_id AND b.kind = 'HELP' AND b.n % 3 <> 0
                WHERE NOT p.is_question ORDER BY p.thread_id, p.created_at) r
        WHERE t.id = r.thread_id AND t.first_response_at IS NULL AND abs(hashtext(t.id::text)) % 3 <> 0`,
    );
    step('first responses');
    // Negative posts (the tone scorer's columns): one post in 25; half of those with a later reply
    // in their thread are marked answered by it (by staff).
    await db.query(
      `UPDATE posts SET tone = 'NEGATIVE', tone_score = -0.7
        WHERE abs(hashtext(id::text)) % 25 = 0 AND tone IS DISTINCT FROM 'NEGATIVE'`,
    );
    await db.query(
      `UPDATE posts p SET answered_by_post_id = a.id, answered_at = a.created_at, answered_marked_by_id = $1
         FROM (SELECT n.id AS negative_id, r.id, r.created_at FROM posts n
                CROSS JOIN LATERAL (SELECT r.id, r.created_at FROM posts r
                                     WHERE r.thread_id = n.thread_id AND r.created_at > n.created_at
                                     ORDER BY r.created_at LIMIT 1) r
               WHERE n.tone = 'NEGATIVE' AND abs(hashtext(n.id::text)) % 2 = 0) a
        WHERE p.id = a.negative_id AND p.answered_by_post_id IS NULL`,
      [staffId],
    );
    step('negative posts');
    // Thanks: one reply in 20 of the last 200 days is thanked by a member, an hour later.
    await db.query(
      `INSERT INTO thanks (post_id, user_id, created_at)
       SELECT p.id, u.id, p.created_at + interval '1 hour'
         FROM posts p JOIN bench.users u ON u.n = 1 + abs(hashtext(p.id::text)) % (SELECT count(*) FROM bench.users)
        WHERE NOT p.is_question AND p.created_at > now() - interval '200 days'
          AND abs(hashtext(p.id::text || 'thanks')) % 20 = 0 AND u.id <> p.author_id
          AND NOT EXISTS (SELECT 1 FROM thanks k WHERE k.post_id = p.id AND k.user_id = u.id)`,
    );
    step('thanks');
    // The new-question form's attempts over the last 200 days (about 600 a day): similar answered
    // questions shown in 60 %, one opened in a third of those, a question posted by most of the
    // others (the thread asked next in the help space: any will do for the figures).
    const attemptsThere = (
      await db.query(
        `SELECT EXISTS (SELECT 1 FROM ask_attempts a JOIN bench.users u ON u.id = a.user_id) AS there`,
      )
    ).rows[0].there;
    if (!attemptsThere)
      await db.query(
        `INSERT INTO ask_attempts (id, space_id, user_id, language, started_at, suggestions_shown_at,
                                 suggestion_opened_at, posted_thread_id, posted_at)
       SELECT gen_random_uuid(), s.id, CASE WHEN x.r1 < 0.8 THEN u.id END, (ARRAY['fr','en','es'])[1 + g % 3],
              x.at, CASE WHEN x.r2 < 0.6 THEN x.at + interval '20 seconds' END,
              CASE WHEN x.r2 < 0.2 THEN x.at + interval '40 seconds' END,
              CASE WHEN x.r3 < 0.55 THEN th.id END, CASE WHEN x.r3 < 0.55 THEN x.at + interval '3 minutes' END
         FROM generate_series(1, 120000) g
         CROSS JOIN LATERAL (SELECT now() - random() * interval '200 days' AS at, random() AS r1,
                                    random() AS r2, random() AS r3, g AS k) x
         JOIN spaces s ON s.slug = 'help'
         JOIN bench.users u ON u.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM bench.users)
         JOIN bench.threads bt ON bt.n = 1 + (SELECT count(*) FROM bench.ideas) + (g::bigint * 104729) % (SELECT count(*) FROM bench.threads WHERE kind = 'HELP')
         JOIN threads th ON th.id = bt.id`,
      );
    step('ask attempts');
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM threads WHERE first_response_due_at IS NOT NULL)::int AS "threadsWithClocks",
                (SELECT count(*) FROM threads WHERE first_response_at IS NOT NULL)::int AS "firstResponses",
                (SELECT count(*) FROM threads WHERE accepted_answer_id IS NOT NULL)::int AS "acceptedAnswers",
                (SELECT count(*) FROM posts WHERE tone = 'NEGATIVE')::int AS "negativePosts",
                (SELECT count(*) FROM posts WHERE answered_at IS NOT NULL)::int AS "negativeAnswered",
                (SELECT count(*) FROM thanks)::int AS thanks,
                (SELECT count(*) FROM ask_attempts)::int AS "askAttempts"`,
      )
    ).rows[0];
    await db.query(`VACUUM ANALYZE threads, posts, thanks, ask_attempts`);
    step(JSON.stringify(counts));
    writeFileSync(join(dataDir, MARK), JSON.stringify({ counts, seededAt: new Date() }));
    return counts;
  } finally {
    await db.end();
  }
}
