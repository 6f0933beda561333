import { ACCEPT, ask, reply, THANK } from '../testing/threads-fixtures';
import { MERGE, submitIdea, UNVOTE, VOTE } from '../testing/ideas-fixtures';
import { useCommunity } from '../testing/community';
import { GraphQLAgent } from '../testing/test-app';
import { randomUUID } from 'node:crypto';
import { ReportsService } from './reports.service';
import {
  answererShare,
  deflection,
  ideasByVotes,
  ReportScope,
  topHelpers,
  wholeDays,
} from './reports.queries';

/*
 * The report's "who helps" figures come from report_helper_days (per UTC day, kept by triggers)
 * for the whole days of a range and from the rows for the rest. Here they are compared with the
 * same figures computed from the rows alone, after a mix of writes (replies, accepted answers
 * changed and un-accepted, thanks withdrawn and given again, threads moved across spaces, a
 * content language changed, posts hidden and restored), for ranges around the change to winter
 * time in Paris (25 October 2026, 03:00 CEST → 02:00 CET), in a zone half an hour off UTC, per
 * space and per language.
 */

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const MOVE = `mutation ($input: MoveThreadInput!) { moveThread(input: $input) { id } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;

/** The figures from the rows alone: the definition the rollup must give back. */
async function fromRows(scope: ReportScope) {
  const params = [scope.from, scope.to, scope.spaceId, scope.language];
  const inScope = `($3::uuid IS NULL OR t.space_id = $3) AND ($4::text IS NULL OR t.language = $4)`;
  const helpers: { user_id: string; accepted: number; replies: number; thanks: number }[] =
    await test.db.query(
      `WITH c AS (
         SELECT p.author_id AS user_id, 1 AS replies, 0 AS accepted, 0 AS thanks
           FROM posts p JOIN threads t ON t.id = p.thread_id
          WHERE NOT p.is_question AND p.author_id <> t.author_id AND p.created_at >= $1 AND p.created_at < $2 AND ${inScope}
         UNION ALL
         SELECT a.author_id, 0, 1, 0 FROM threads t JOIN posts a ON a.id = t.accepted_answer_id
          WHERE t.answered_at >= $1 AND t.answered_at < $2 AND ${inScope}
         UNION ALL
         SELECT p.author_id, 0, 0, 1 FROM thanks k JOIN posts p ON p.id = k.post_id JOIN threads t ON t.id = p.thread_id
          WHERE k.withdrawn_at IS NULL AND k.created_at >= $1 AND k.created_at < $2 AND ${inScope}
       )
       SELECT c.user_id, sum(accepted)::int AS accepted, sum(replies)::int AS replies, sum(thanks)::int AS thanks
         FROM c JOIN users u ON u.id = c.user_id
        GROUP BY c.user_id, u.display_name
        ORDER BY accepted DESC, replies DESC, thanks DESC, u.display_name, c.user_id`,
      params,
    );
  const [share]: { community: number; experts: number; staff: number }[] = await test.db.query(
    `SELECT count(*) FILTER (WHERE u.role = 'MEMBER')::int AS community,
            count(*) FILTER (WHERE u.role = 'EXPERT')::int AS experts,
            count(*) FILTER (WHERE u.role IN ('STAFF', 'MODERATOR', 'ADMIN'))::int AS staff
       FROM threads t JOIN posts a ON a.id = t.accepted_answer_id JOIN users u ON u.id = a.author_id
      WHERE t.answered_at >= $1 AND t.answered_at < $2 AND ${inScope}`,
    params,
  );
  return {
    helpers: helpers.map((h) => ({
      userId: h.user_id,
      acceptedAnswers: h.accepted,
      replies: h.replies,
      thanks: h.thanks,
    })),
    share,
  };
}

async function fromReport(scope: ReportScope, limit = 100) {
  const helpers = await topHelpers(test.db, scope, limit);
  return {
    helpers: helpers.map(({ userId, acceptedAnswers, replies, thanks }) => ({
      userId,
      acceptedAnswers,
      replies,
      thanks,
    })),
    share: await answererShare(test.db, scope),
  };
}

/** The rollup as kept by the triggers, and as recomputed from the rows (the migration's backfill). */
async function rollupAndRecount() {
  const kept: unknown[] = await test.db.query(
    `SELECT day::text, user_id, space_id, language, replies, accepted, thanks FROM report_helper_days
      WHERE replies <> 0 OR accepted <> 0 OR thanks <> 0 ORDER BY 1, 2, 3, 4`,
  );
  const recounted: unknown[] = await test.db.query(
    `SELECT day::text, user_id, space_id, language, sum(replies)::int AS replies, sum(accepted)::int AS accepted,
            sum(thanks)::int AS thanks
       FROM (SELECT (p.created_at AT TIME ZONE 'UTC')::date AS day, p.author_id AS user_id, t.space_id, t.language,
                    1 AS replies, 0 AS accepted, 0 AS thanks
               FROM posts p JOIN threads t ON t.id = p.thread_id WHERE NOT p.is_question AND p.author_id <> t.author_id
             UNION ALL
             SELECT (t.answered_at AT TIME ZONE 'UTC')::date, a.author_id, t.space_id, t.language, 0, 1, 0
               FROM threads t JOIN posts a ON a.id = t.accepted_answer_id WHERE t.answered_at IS NOT NULL
             UNION ALL
             SELECT (k.created_at AT TIME ZONE 'UTC')::date, p.author_id, t.space_id, t.language, 0, 0, 1
               FROM thanks k JOIN posts p ON p.id = k.post_id JOIN threads t ON t.id = p.thread_id
              WHERE k.withdrawn_at IS NULL) c
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );
  return { kept, recounted };
}

const at = (threadOrPost: 'threads' | 'posts', id: string, instant: string) =>
  test.db.query(`UPDATE ${threadOrPost} SET created_at = $2 WHERE id = $1`, [id, instant]);

async function accept(agent: GraphQLAgent, postId: string, answeredAt: string) {
  const { errors } = await agent.request(ACCEPT, { input: { postId } });
  expect(errors).toBeUndefined();
  const [{ id }]: { id: string }[] = await test.db.query(
    `UPDATE threads SET answered_at = $2 WHERE accepted_answer_id = $1 RETURNING id`,
    [postId, answeredAt],
  );
  return id;
}

async function thank(agent: GraphQLAgent, postId: string) {
  const { errors } = await agent.request(THANK, { input: { postId } });
  expect(errors).toBeUndefined();
}

/** Writes around the night the clocks go back in Paris (UTC instants; Paris is UTC+2 until 01:00 UTC on the 25th, UTC+1 after). */
async function aMixOfWrites() {
  // Saturday evening in Paris, the night of the change, and Monday.
  const q1 = await ask(who.asker.agent, space.help, 'Refund never arrived', 'Where is it?', 'fr');
  const q2 = await ask(who.asker.agent, space.help, 'Cannot sign in', 'It loops.', 'en');
  const q3 = await ask(who.member.agent, space.help, 'App crashes at start', 'Every time.', 'es');
  await at('threads', q1.id, '2026-10-24T16:00:00Z');
  await at('threads', q2.id, '2026-10-24T21:00:00Z');
  await at('threads', q3.id, '2026-10-25T00:10:00Z');

  const r1 = await reply(who.member.agent, q1.id, 'Ask the bank for the transfer number.');
  const r2 = await reply(who.expert.agent, q1.id, 'Refunds take ten days.');
  const r3 = await reply(who.staff.agent, q2.id, 'We reset your session.');
  const r4 = await reply(who.expert.agent, q2.id, 'Clear the cookies too.');
  const r5 = await reply(who.staff.agent, q3.id, 'Update to the latest version.');
  const r6 = await reply(who.asker.agent, q3.id, 'Same here.');
  const own = await reply(who.asker.agent, q1.id, 'Still waiting.'); // by the asker: not a reply that counts
  // 23:30 CEST on the 24th (21:30 UTC); 01:30 CEST on the 25th (23:30 UTC on the 24th); 02:30 CET
  // after the change (01:30 UTC); 00:30 CET on the 26th (23:30 UTC on the 25th); Monday 10:00.
  await at('posts', r1.id, '2026-10-24T21:30:00Z');
  await at('posts', r2.id, '2026-10-24T23:30:00Z');
  await at('posts', r3.id, '2026-10-25T01:30:00Z');
  await at('posts', r4.id, '2026-10-25T23:30:00Z');
  await at('posts', r5.id, '2026-10-26T09:00:00Z');
  await at('posts', r6.id, '2026-10-25T00:45:00Z');
  await at('posts', own.id, '2026-10-25T02:00:00Z');

  // Accepted answers: one changed for another, one un-accepted.
  await accept(who.asker.agent, r1.id, '2026-10-24T22:15:00Z');
  await accept(who.asker.agent, r2.id, '2026-10-25T00:20:00Z');
  await accept(who.asker.agent, r3.id, '2026-10-25T01:05:00Z');
  await accept(who.member.agent, r5.id, '2026-10-26T10:00:00Z');
  await test.db.query(
    `UPDATE threads SET accepted_answer_id = NULL, accepted_by_id = NULL, answered_at = NULL, status = 'OPEN' WHERE id = $1`,
    [q2.id],
  );

  // Thanks: given, withdrawn, given again; one withdrawn for good.
  await thank(who.asker.agent, r1.id);
  await thank(who.member.agent, r2.id);
  await thank(who.asker.agent, r4.id);
  await thank(who.asker.agent, r5.id);
  await test.db.query(
    `UPDATE thanks SET created_at = CASE post_id WHEN $1 THEN '2026-10-24T22:59:00Z'::timestamptz
                                                 WHEN $2 THEN '2026-10-25T00:59:00Z'::timestamptz
                                                 WHEN $3 THEN '2026-10-25T23:59:00Z'::timestamptz
                                                 ELSE '2026-10-26T11:00:00Z'::timestamptz END`,
    [r1.id, r2.id, r4.id],
  );
  await thank(who.asker.agent, r1.id); // withdrawn
  await thank(who.member.agent, r2.id); // withdrawn…
  await thank(who.member.agent, r2.id); // …and given again (counted at its first time)

  // A thread moved to another help space, another's content language changed, posts hidden (one restored).
  expect(
    (await who.moderator.agent.request(MOVE, { input: { threadId: q3.id, spaceId: space.fast } })).errors,
  ).toBeUndefined();
  await test.db.query(`UPDATE threads SET language = 'fr' WHERE id = $1`, [q2.id]);
  expect(
    (await who.moderator.agent.request(HIDE, { input: { postId: r4.id, reason: 'OFF_TOPIC' } })).errors,
  ).toBeUndefined();
  expect(
    (await who.moderator.agent.request(HIDE, { input: { postId: r6.id, reason: 'SPAM' } })).errors,
  ).toBeUndefined();
  expect((await who.moderator.agent.request(RESTORE, { input: { postId: r6.id } })).errors).toBeUndefined();
  return { r1 };
}

/** Deflection per period from the attempts alone (the statement before its hourly rollup). */
async function deflectionFromRows(s: ReportScope) {
  const rows: Record<string, unknown>[] = await test.db.query(
    `WITH periods AS (
       SELECT p AS period FROM generate_series(date_trunc($3, $1::timestamptz AT TIME ZONE $4),
         date_trunc($3, ($2::timestamptz - interval '1 millisecond') AT TIME ZONE $4), ('1 ' || $3)::interval) p
     ), attempts AS (
       SELECT date_trunc($3, a.started_at AT TIME ZONE $4) AS period, a.* FROM ask_attempts a
        WHERE a.started_at >= $1 AND a.started_at < $2
          AND ($5::uuid IS NULL OR a.space_id = $5) AND ($6::text IS NULL OR a.language = $6)
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period, count(a.id)::int AS "attempts",
            count(a.suggestions_shown_at)::int AS "suggestionsShown", count(a.suggestion_opened_at)::int AS "suggestionOpened",
            count(*) FILTER (WHERE a.suggestions_shown_at IS NOT NULL AND a.posted_at IS NULL)::int AS "notPosted"
       FROM periods p LEFT JOIN attempts a ON a.period = p.period
      GROUP BY GROUPING SETS ((p.period), ()) ORDER BY p.period NULLS LAST`,
    [s.from, s.to, s.granularity, s.timeZone, s.spaceId, s.language],
  );
  return rows;
}

type AskStep = 'STARTED' | 'SUGGESTIONS_SHOWN' | 'SUGGESTION_OPENED' | 'POSTED';

/** Attempts to ask around the change of time, each step at its own instant; one moved afterwards. */
async function attemptsToAsk() {
  const reports = test.app.get(ReportsService);
  const steps: [string, string, AskStep, string][] = [];
  const instants = [
    '2026-10-24T21:59:59Z',
    '2026-10-24T22:00:00Z',
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:00:00Z',
    '2026-10-25T18:29:00Z',
    '2026-10-25T18:31:00Z',
    '2026-10-25T22:59:00Z',
    '2026-10-25T23:00:00Z',
    '2026-10-26T12:00:00Z',
  ];
  instants.forEach((instant, i) => {
    const id = randomUUID();
    const language = ['fr', 'en', 'es'][i % 3];
    steps.push([id, instant, 'STARTED', language]);
    if (i % 3 !== 2) steps.push([id, instant, 'SUGGESTIONS_SHOWN', language]);
    if (i % 3 === 0) steps.push([id, instant, 'SUGGESTION_OPENED', language]);
  });
  const thread = await ask(who.member.agent, space.help, 'Posted after suggestions');
  await test.db.transaction(async (tx) => {
    for (const [attemptId, instant, event, language] of steps) {
      const spaceId = language === 'es' ? space.fast : space.help;
      await reports.recordAskStep(
        tx,
        who.member.id,
        { attemptId, spaceId, event, language },
        new Date(instant),
      );
    }
    // One posted after all; one moved to another hour and language.
    const posted = { spaceId: space.help, event: 'POSTED' as const, language: 'fr', threadId: thread.id };
    await reports.recordAskStep(
      tx,
      who.member.id,
      { attemptId: steps[0][0], ...posted },
      new Date('2026-10-24T22:05:00Z'),
    );
    await tx.query(
      `UPDATE ask_attempts SET started_at = '2026-10-25T01:30:00Z', language = 'es' WHERE id = $1`,
      [steps.at(-1)![0]],
    );
  });
}

/** Top and trending ideas from the votes alone (the statement before the rollup). */
async function ideasFromRows(s: ReportScope, window: 'range' | 'last-week', limit: number) {
  const since =
    window === 'range' ? s.from : new Date(Math.max(s.from.getTime(), s.to.getTime() - 7 * 86_400_000));
  const rows: Record<string, unknown>[] = await test.db.query(
    `SELECT i.id AS "ideaId", t.title, i.status, count(*)::int AS "votesInRange", i.votes_count AS "votesTotal"
       FROM idea_votes v JOIN ideas i ON i.id = v.idea_id JOIN threads t ON t.id = i.thread_id
      WHERE v.withdrawn_at IS NULL AND v.created_at >= $1 AND v.created_at < $2 AND i.status <> 'MERGED'
        AND ($3::uuid IS NULL OR t.space_id = $3) AND ($4::text IS NULL OR t.language = $4)
      GROUP BY i.id, t.title
      ORDER BY "votesInRange" DESC, i.votes_count DESC, i.id
      LIMIT $5`,
    [since, s.to, s.spaceId, s.language, limit],
  );
  return rows;
}

/** Ideas voted for around the change of time: votes withdrawn, given again, moved by a merge. */
async function votesForIdeas() {
  const people = [who.asker, who.member, who.expert, who.staff, who.moderator];
  const ideas = [];
  for (let i = 0; i < 5; i++) ideas.push(await submitIdea(people[i].agent));
  const instants = [
    '2026-10-24T21:30:00Z',
    '2026-10-24T23:30:00Z',
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:30:00Z',
    '2026-10-25T23:30:00Z',
    '2026-10-26T09:00:00Z',
  ];
  let n = 0;
  for (const [i, idea] of ideas.entries())
    for (const person of people.slice(0, 5 - i)) {
      if (person.id === people[i].id) continue;
      // Cast at a past instant as the voting service writes them (a vote's time never changes after).
      await test.db.query(`INSERT INTO idea_votes (idea_id, user_id, created_at) VALUES ($1, $2, $3)`, [
        idea.id,
        person.id,
        instants[n++ % instants.length],
      ]);
    }
  await who.member.agent.request(UNVOTE, { input: { ideaId: ideas[0].id } });
  await who.expert.agent.request(UNVOTE, { input: { ideaId: ideas[0].id } });
  await who.expert.agent.request(VOTE, { input: { ideaId: ideas[0].id } }); // a new vote, now
  const merged = await who.moderator.agent.request(MERGE, {
    input: { sourceId: ideas[3].id, intoId: ideas[1].id },
  });
  expect(merged.errors).toBeUndefined();
}

function scope(
  from: string,
  to: string,
  timeZone: string,
  spaceId: string | null = null,
  language: string | null = null,
): ReportScope {
  return {
    from: new Date(from),
    to: new Date(to),
    granularity: 'day',
    timeZone,
    spaceId,
    language,
    now: new Date(),
  };
}

describe('the report’s rollups', () => {
  let firstThanked: string;
  beforeAll(async () => {
    firstThanked = (await aMixOfWrites()).r1.id;
    await attemptsToAsk();
    await votesForIdeas();
  });

  it('are what the rows give, after replies, accepts, un-accepts, thanks withdrawn, moves, language changes and hides', async () => {
    const { kept, recounted } = await rollupAndRecount();
    expect(recounted.length).toBeGreaterThan(5);
    expect(kept).toEqual(recounted);
  });

  it('give top helpers and who answers as the rows do, for days around the change to winter time, per space and language', async () => {
    const ranges = [
      // Paris days 24–26 October: the 25th is 25 hours long; each end a part of a UTC day.
      scope('2026-10-24T00:00:00+02:00', '2026-10-27T00:00:00+01:00', 'Europe/Paris'),
      // The 25th alone in Paris: no whole UTC day inside.
      scope('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 'Europe/Paris'),
      // A zone half an hour off UTC.
      scope('2026-10-24T00:00:00+05:30', '2026-10-27T00:00:00+05:30', 'Asia/Kolkata'),
      // Whole UTC days only; and a few hours.
      scope('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z', 'UTC'),
      scope('2026-10-24T23:00:00Z', '2026-10-25T01:10:00Z', 'UTC'),
    ];
    for (const range of ranges)
      for (const [spaceId, language] of [
        [null, null],
        [space.help, null],
        [space.fast, null],
        [null, 'fr'],
        [space.help, 'en'],
      ]) {
        const s = { ...range, spaceId, language };
        const rows = await fromRows(s);
        expect({ range: s, ...(await fromReport(s)) }).toEqual({ range: s, ...rows });
        // A short top: only those with as many accepted answers as its last are counted in full.
        for (const limit of [1, 2, 3])
          expect({ range: s, limit, helpers: (await fromReport(s, limit)).helpers }).toEqual({
            range: s,
            limit,
            helpers: rows.helpers.slice(0, limit),
          });
      }
    // The mix reaches every figure (a comparison of empty tables would prove nothing).
    const all = await fromReport(ranges[0]);
    expect(all.helpers.map((h) => h.acceptedAnswers).reduce((a, b) => a + b)).toBe(2);
    expect(all.share).toEqual({ community: 0, experts: 1, staff: 1 });
  });

  it('give deflection per day, week and month as the attempts do, around the change of time and half an hour off UTC', async () => {
    const ranges = [
      scope('2026-10-24T00:00:00+02:00', '2026-10-27T00:00:00+01:00', 'Europe/Paris'),
      scope('2026-10-24T00:00:00+05:30', '2026-10-27T00:00:00+05:30', 'Asia/Kolkata'),
      scope('2026-10-24T22:30:00Z', '2026-10-26T00:30:00Z', 'UTC'),
    ];
    for (const range of ranges)
      for (const granularity of ['day', 'week', 'month'] as const)
        for (const [spaceId, language] of [
          [null, null],
          [space.help, null],
          [null, 'es'],
        ]) {
          const s = { ...range, granularity, spaceId, language };
          expect({ s, rows: await deflection(test.db, s) }).toEqual({ s, rows: await deflectionFromRows(s) });
        }
    const total = (await deflection(test.db, ranges[0])).at(-1);
    expect(total).toEqual({
      period: null,
      attempts: 9,
      suggestionsShown: 6,
      suggestionOpened: 3,
      notPosted: 5,
    });
  });

  it('give top and trending ideas as the votes do, after votes withdrawn, given again and moved by a merge', async () => {
    const now = new Date();
    const ranges = [
      scope('2026-10-24T00:00:00+02:00', '2026-10-27T00:00:00+01:00', 'Europe/Paris'),
      scope('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 'Europe/Paris'),
      scope('2026-10-24T22:00:00Z', now.toISOString(), 'UTC'),
    ];
    for (const range of ranges)
      for (const window of ['range', 'last-week'] as const)
        for (const limit of [1, 2, 4])
          for (const [spaceId, language] of [
            [null, null],
            [space.ideas, null],
            [space.help, null],
          ]) {
            const s = { ...range, spaceId, language };
            expect({ s, window, limit, rows: await ideasByVotes(test.db, s, window, limit) }).toEqual({
              s,
              window,
              limit,
              rows: await ideasFromRows(s, window, limit),
            });
          }
    expect((await ideasByVotes(test.db, ranges[0], 'range', 4)).length).toBeGreaterThan(2);
    const kept: unknown[] = await test.db.query(
      `SELECT idea_id, day::text, votes FROM report_idea_vote_days WHERE votes <> 0 ORDER BY 1, 2`,
    );
    const recounted: unknown[] = await test.db.query(
      `SELECT idea_id, (created_at AT TIME ZONE 'UTC')::date::text AS day, count(*)::int AS votes
         FROM idea_votes WHERE withdrawn_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(kept).toEqual(recounted);
  });

  it('leaves withdrawn thanks out of a helper’s thanks', async () => {
    const s = scope('2026-10-24T00:00:00Z', '2026-10-24T23:00:00Z', 'UTC');
    const [withdrawn]: { withdrawn_at: Date | null }[] = await test.db.query(
      `SELECT withdrawn_at FROM thanks WHERE post_id = $1`,
      [firstThanked],
    );
    expect(withdrawn.withdrawn_at).not.toBeNull();
    const member = (await topHelpers(test.db, s, 10)).find((h) => h.userId === who.member.id);
    expect(member).toMatchObject({ replies: 1, acceptedAnswers: 0, thanks: 0 });
  });

  it('splits a range into its whole UTC days and the parts around them', () => {
    expect(wholeDays(new Date('2026-10-24T22:00:00Z'), new Date('2026-10-26T23:00:00Z'))).toEqual({
      fullfrom: '2026-10-25',
      fullto: '2026-10-26',
      headto: new Date('2026-10-25T00:00:00Z'),
      tailfrom: new Date('2026-10-26T00:00:00Z'),
    });
    const to = new Date('2026-10-25T20:00:00Z');
    expect(wholeDays(new Date('2026-10-25T01:00:00Z'), to)).toEqual({
      fullfrom: '2026-10-25',
      fullto: '2026-10-25',
      headto: to,
      tailfrom: to,
    });
  });
});
