// The scale benchmark's community: 100k members, 100k threads (90k questions in the help space,
// 10k ideas), 1M posts in French, English and Spanish, 1M votes. Written with SQL shaped like the
// app's own writes (the same tables, columns, constraints and triggers: the posts' search vectors,
// the vote counts, the idea counts) into a dedicated embedded PostgreSQL cluster kept between runs:
// seeded once (about ten minutes), reused while its schema version matches.
//
// One shortcut, said plainly: during the bulk load the per-reply append to the threads' search
// documents is switched off, and the documents are then built once per thread by the same function
// the triggers call on an edit (thread_search_document_refresh): the same documents, without
// rewriting each one ten times. The trigger is back on before anything is measured.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { postmasterPid, startPostgres } from './harness.mjs';
import { random, sentence, vocabulary } from './vocabulary.mjs';

/** The community's size at factor 1; `--scale-factor 0.01` seeds a hundredth (to try the benchmark). */
export const SCALE = {
  members: 100_000,
  threads: 100_000,
  ideas: 10_000,
  posts: 1_000_000,
  votes: 1_000_000,
};
const LANGUAGES = [
  ['fr', 0.4],
  ['en', 0.35],
  ['es', 0.25],
];

/** Words the searches use: everyday ones (in thousands of posts) and rare ones (in a few dozen). */
export function searchTerms() {
  const words = vocabulary();
  return {
    everyday: [
      'router connection',
      'carte bloquée',
      'paquete entrega',
      'password reset',
      'remboursement commande',
      'factura pago',
    ],
    // Ranks 15,000–25,000 of the tail: each is in about 50–100 posts of its language.
    rare: ['en', 'fr', 'es'].flatMap((l) => [15_000, 20_000, 25_000].map((r) => words[l][r])),
  };
}

const SCHEMA_MARK = 'scale-seed.json';

/**
 * The seeded cluster's folder for this checkout: reused when its migrations are the checkout's,
 * seeded again in a new folder otherwise.
 */
export function scaleDataDir(root, base, factor) {
  const migrations = readFileSync(join(root, 'apps/api/src/database/migrations/index.ts'), 'utf8');
  const last = [...migrations.matchAll(/from '\.\/(\d+)-/g)]
    .map((m) => m[1])
    .sort()
    .pop();
  return join(base, `parvis-bench-scale-${factor}-${last}`);
}

export function isSeeded(dataDir) {
  return existsSync(join(dataDir, SCHEMA_MARK));
}

/** Seeds the community into `databaseUrl` (migrated and demo-seeded by the app before). */
export async function seedScale(root, databaseUrl, dataDir, factor = 1, log = console.log) {
  const require = createRequire(join(root, 'package.json'));
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const size = Object.fromEntries(
    Object.entries(SCALE).map(([k, v]) => [k, Math.max(10, Math.round(v * factor))]),
  );
  const words = vocabulary();
  const rnd = random(2026);
  const pick = (weights) => {
    let u = rnd();
    for (const [value, weight] of weights) if ((u -= weight) < 0) return value;
    return weights[0][0];
  };
  const started = Date.now();
  const step = (what) => log(`  [${Math.round((Date.now() - started) / 1000)} s] ${what}`);
  try {
    await db.query(`SET synchronous_commit = off`);
    const [{ id: helpId }] = (await db.query(`SELECT id FROM spaces WHERE slug = 'help'`)).rows;
    const [{ id: ideasId }] = (await db.query(`SELECT id FROM spaces WHERE slug = 'ideas'`)).rows;
    const [{ password_hash: hash }] = (
      await db.query(`SELECT password_hash FROM users WHERE email = 'member@parvis.test'`)
    ).rows;

    // Bench tables (a schema of their own): the rows by number, for pgbench and the requests.
    await db.query(`CREATE SCHEMA IF NOT EXISTS bench`);
    await db.query(`CREATE TABLE bench.users (n int PRIMARY KEY, id uuid NOT NULL)`);
    await db.query(
      `CREATE TABLE bench.threads (n int PRIMARY KEY, id uuid NOT NULL, language varchar(2), kind text)`,
    );
    await db.query(`CREATE TABLE bench.ideas (n int PRIMARY KEY, id uuid NOT NULL)`);

    step(`${size.members} members`);
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, display_name, password_hash, role, reputation, locale, created_at)
         SELECT 'bench-' || g || '@parvis.test', 'Member ' || g, $1,
                CASE WHEN g % 1000 = 0 THEN 'STAFF' WHEN g % 100 = 0 THEN 'EXPERT' ELSE 'MEMBER' END,
                (g * 7919) % 500, (ARRAY['fr', 'en', 'es'])[1 + g % 3], now() - (g % 700) * interval '1 day'
           FROM generate_series(1, $2) g
         RETURNING id, email)
       INSERT INTO bench.users SELECT substr(split_part(email, '@', 1), 7)::int, id FROM u`,
      [hash, size.members],
    );
    const users = (await db.query(`SELECT id FROM bench.users ORDER BY n`)).rows.map((r) => r.id);
    const author = () => users[Math.floor(Math.pow(users.length, rnd())) - 1]; // a few write a lot

    // Threads and their posts, in batches: the thread, its question, its replies (Zipf-like
    // lengths: most threads have a few replies, one has thousands), timestamps in order.
    const replyBudget = size.posts - size.threads;
    const meanReplies = replyBudget / size.threads;
    const batch = 2000;
    const now = Date.now();
    let threadNo = 0;
    let postsWritten = 0;
    await db.query(`ALTER TABLE posts DISABLE TRIGGER posts_search_document_append`);
    await db.query(`ALTER TABLE threads DISABLE TRIGGER threads_search_document_update`);
    for (let start = 0; start < size.threads; start += batch) {
      const threads = {
        id: [],
        space: [],
        author: [],
        title: [],
        language: [],
        replies: [],
        created: [],
        last: [],
      };
      const posts = { thread: [], author: [], md: [], html: [], text: [], question: [], created: [] };
      for (let i = start; i < Math.min(size.threads, start + batch); i++) {
        threadNo++;
        const isIdea = i < size.ideas;
        const language = pick(LANGUAGES);
        const vocab = words[language];
        const created = now - 730 * 86400_000 * rnd();
        // The first help thread is the crisis thread: thousands of replies.
        const replies =
          !isIdea && i === size.ideas
            ? Math.min(5000, Math.round(replyBudget / 20))
            : Math.min(400, Math.round(-Math.log(1 - rnd()) * meanReplies));
        const id = crypto.randomUUID();
        const title = sentence(vocab, rnd, 4 + Math.floor(rnd() * 7));
        let t = created;
        const body = (length) => sentence(vocab, rnd, length);
        const addPost = (text, isQuestion) => {
          posts.thread.push(id);
          posts.author.push(isQuestion ? threads.author.at(-1) : author());
          posts.md.push(text);
          posts.html.push(`<p>${text}</p>`);
          posts.text.push(text);
          posts.question.push(isQuestion);
          posts.created.push(new Date(t).toISOString());
        };
        threads.id.push(id);
        threads.space.push(isIdea ? ideasId : helpId);
        threads.author.push(author());
        threads.title.push(title.charAt(0).toUpperCase() + title.slice(1, 149));
        threads.language.push(language);
        threads.created.push(new Date(created).toISOString());
        addPost(body(15 + Math.floor(rnd() * 60)), true);
        let written = 0;
        for (let r = 0; r < replies && postsWritten + posts.thread.length < size.posts; r++, written++) {
          t += 60_000 + rnd() * 6 * 3600_000;
          addPost(body(8 + Math.floor(rnd() * 60)), false);
        }
        threads.replies.push(written);
        threads.last.push(new Date(t).toISOString());
      }
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO threads (id, space_id, author_id, title, language, replies_count, created_at, last_activity_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])`,
        [
          threads.id,
          threads.space,
          threads.author,
          threads.title,
          threads.language,
          threads.replies,
          threads.created,
          threads.last,
        ],
      );
      await db.query(
        `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text, is_question, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::timestamptz[])`,
        [posts.thread, posts.author, posts.md, posts.html, posts.text, posts.question, posts.created],
      );
      await db.query(
        `INSERT INTO bench.threads SELECT $1::int + o, id, language, CASE WHEN space_id = $4 THEN 'IDEAS' ELSE 'HELP' END
           FROM unnest($2::uuid[], $3::text[], $5::uuid[]) WITH ORDINALITY AS x(id, language, space_id, o)`,
        [start, threads.id, threads.language, ideasId, threads.space],
      );
      await db.query('COMMIT');
      postsWritten += posts.thread.length;
      if ((start / batch) % 5 === 0) step(`${threadNo} threads, ${postsWritten} posts`);
    }
    step(`${threadNo} threads, ${postsWritten} posts written`);

    // A third of the help threads have an accepted answer (their first reply), as AnswersService writes it.
    await db.query(
      `UPDATE threads t SET accepted_answer_id = a.id, accepted_by_id = t.author_id, status = 'ANSWERED',
              answered_at = a.created_at, first_response_at = a.created_at
         FROM (SELECT DISTINCT ON (p.thread_id) p.thread_id, p.id, p.created_at FROM posts p
                 JOIN bench.threads b ON b.id = p.thread_id AND b.kind = 'HELP' AND b.n % 3 = 0
                WHERE NOT p.is_question ORDER BY p.thread_id, p.created_at) a
        WHERE t.id = a.thread_id`,
    );
    step('accepted answers');
    await db.query(`ALTER TABLE threads ENABLE TRIGGER threads_search_document_update`);
    await db.query(`ALTER TABLE posts ENABLE TRIGGER posts_search_document_append`);
    // The search documents, each built once by the triggers' own function.
    for (let n = 0; n < threadNo; n += 5000) {
      await db.query(
        `SELECT thread_search_document_refresh(id) FROM bench.threads WHERE n > $1 AND n <= $2`,
        [n, n + 5000],
      );
      if ((n / 5000) % 4 === 0) step(`search documents: ${n + 5000}`);
    }

    return await seedIdeas(db, size, dataDir, factor, step);
  } finally {
    await db.end();
  }
}

/**
 * The idea box's part: the IDEAS threads become ideas, members vote (popular ideas far more often),
 * then the team sets statuses. Resumable: ideas and votes already there are kept.
 */
export async function seedIdeas(db, size, dataDir, factor, step) {
  // Ideas: the IDEAS threads, each an idea (NEW first: votes go to open ideas), then the votes.
  await db.query(
    `WITH i AS (INSERT INTO ideas (thread_id, created_at)
                SELECT b.id, t.created_at FROM bench.threads b JOIN threads t ON t.id = b.id
                 WHERE b.kind = 'IDEAS' AND NOT EXISTS (SELECT 1 FROM ideas x WHERE x.thread_id = b.id)
                RETURNING id, thread_id)
     INSERT INTO bench.ideas SELECT b.n, i.id FROM i JOIN bench.threads b ON b.id = i.thread_id`,
  );
  await db.query(
    `CREATE TEMPORARY TABLE idea_numbers AS SELECT row_number() OVER (ORDER BY n)::int AS n, id FROM bench.ideas`,
  );
  await db.query(`CREATE UNIQUE INDEX ON idea_numbers (n)`);
  const ideaCount = (await db.query(`SELECT count(*)::int AS n FROM idea_numbers`)).rows[0].n;
  step(`${ideaCount} ideas`);
  // Votes: each member draws a dozen ideas, idea k with a probability ∝ 1/k (the draw is made
  // once per row, in the subquery that OFFSET 0 keeps apart), a vote per distinct idea.
  const draws = Math.ceil(size.votes / size.members) + 2;
  await db.query(`VACUUM ANALYZE ideas, idea_votes`);
  for (let from = 1; from <= size.members; from += 1000) {
    await db.query(
      `INSERT INTO idea_votes (idea_id, user_id, created_at)
       SELECT DISTINCT ON (x.user_id, i.id) i.id, x.user_id, x.at
         FROM (SELECT u.id AS user_id, 1 + floor(power($4::float8, random()))::int % $4::int AS k,
                      now() - (random() * 300) * interval '1 day' AS at
                 FROM bench.users u CROSS JOIN generate_series(1, $3::int) g
                WHERE u.n >= $1 AND u.n < $2 OFFSET 0) x
         JOIN idea_numbers i ON i.n = x.k
        WHERE NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.user_id = x.user_id AND v.withdrawn_at IS NULL)`,
      [from, from + 1000, draws, ideaCount],
    );
    if (from % 10_000 === 1) step(`votes of members ${from}–${from + 999}`);
  }
  // Statuses, as the team sets them (with their history row): the ideas_count trigger follows.
  await db.query(
    `WITH s AS (
       SELECT i.id, i.status AS from_status,
              (ARRAY['UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED'])[1 + (b.n % 5)] AS to_status
         FROM idea_numbers b JOIN ideas i ON i.id = b.id WHERE b.n % 3 = 0 AND i.status = 'NEW'),
     u AS (UPDATE ideas i SET status = s.to_status, status_changed_at = now() FROM s WHERE i.id = s.id RETURNING i.id)
     INSERT INTO idea_status_changes (idea_id, from_status, to_status, changed_by_id)
     SELECT s.id, s.from_status, s.to_status, (SELECT id FROM users WHERE email = 'staff@parvis.test') FROM s`,
  );
  step('idea statuses');
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM threads)::int AS threads,
              (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM ideas)::int AS ideas,
              (SELECT count(*) FROM idea_votes)::int AS votes`,
    )
  ).rows[0];
  await db.query(`VACUUM ANALYZE`);
  step(`vacuum analyze: ${JSON.stringify(counts)}`);
  writeFileSync(join(dataDir, SCHEMA_MARK), JSON.stringify({ factor, counts, seededAt: new Date() }));
  return counts;
}

export function prepareDataDir(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
}

/**
 * Starts the scale cluster kept in `dataDir` (emptied first when a seed was interrupted half-way,
 * so that it starts again). `stopAll` stops it and whatever the script adds to `stoppers`, last
 * added first; Ctrl-C runs it too.
 */
export async function openScaleCluster(dataDir) {
  const seeded = isSeeded(dataDir);
  if (!seeded) rmSync(dataDir, { recursive: true, force: true });
  prepareDataDir(dataDir);
  const pg = await startPostgres(dataDir);
  const stoppers = [() => pg.stop()];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => void stopAll().then(() => process.exit(130)));
  return { pg, seeded, stoppers, stopAll };
}

/**
 * The seeded scale cluster in `dataDir`, started, with a connected client (`sql`) and its server
 * process (`postmaster`: its backends are its children); refused when nothing is seeded there.
 * `stopAll` ends the client and stops the cluster.
 */
export async function openSeededCluster(dataDir) {
  const opened = await openScaleCluster(dataDir);
  if (!opened.seeded) {
    await opened.stopAll();
    throw new Error(
      `No seeded scale community in ${dataDir}: run \`npm run bench:scale -- --seed-only\` first.`,
    );
  }
  const url = opened.pg.url('parvis');
  const { Client } = createRequire(import.meta.url)('pg');
  const sql = new Client({ connectionString: url });
  await sql.connect();
  opened.stoppers.push(() => sql.end());
  return { ...opened, url, sql, postmaster: postmasterPid(dataDir) };
}
