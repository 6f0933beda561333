import { ACCEPT, ask, reply } from '../testing/threads-fixtures';
import { createIdeaSpace, SET_STATUS, submitIdea } from '../testing/ideas-fixtures';
import { useCommunity } from '../testing/community';
import { ideaFlow, mood, ReportScope, responseTimes, timeInStatus } from './reports.queries';
import { ReportsService } from './reports.service';

/*
 * Answer times, mood, the ideas' flow and time in status are read from narrow copies of the rows
 * (report_questions, report_negative_posts, report_idea_stays, kept by triggers). Here each is
 * compared with the same figure computed from the threads, posts, ideas and status changes alone,
 * after a mix of writes (questions answered, answers un-accepted, clocks changed, threads moved
 * across spaces, a content language changed, posts scored negative and back, marked answered and
 * not, hidden and restored, ideas moved through statuses and back, an idea's thread moved), for
 * ranges around the change to winter time in Paris (25 October 2026, 03:00 CEST → 02:00 CET), in
 * a zone half an hour off UTC, by day, week and month, per space and per language.
 */

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const MOVE = `mutation ($input: MoveThreadInput!) { moveThread(input: $input) { id } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;

const REPORT = `query ($from: DateTime!, $to: DateTime!) {
  report(from: $from, to: $to, granularity: DAY, timeZone: "Europe/Paris") {
    responseTimes { period questions firstResponseMedian firstResponseP90 answerMedian answerP90 firstResponseMet answerMissed }
    mood { period negativePosts answeredInTime answeredLate }
    ideaFlow { period submitted underReview planned launched declined }
    timeInStatus { status stays medianDays averageDays }
  }
}`;

const PERIODS = `periods AS (
  SELECT p AS period FROM generate_series(date_trunc($3, $1::timestamptz AT TIME ZONE $4),
    date_trunc($3, ($2::timestamptz - interval '1 millisecond') AT TIME ZONE $4), ('1 ' || $3)::interval) p
)`;
const IN_SCOPE = `($5::uuid IS NULL OR t.space_id = $5) AND ($6::text IS NULL OR t.language = $6)`;

/** The four sections from the rows alone (the statements before the narrow copies). */
async function fromRows(s: ReportScope) {
  const params = [s.from, s.to, s.granularity, s.timeZone, s.spaceId, s.language, s.now];
  const times: Record<string, unknown>[] = await test.db.query(
    `WITH ${PERIODS}, asked AS (
       SELECT date_trunc($3, t.created_at AT TIME ZONE $4) AS period,
              extract(epoch FROM t.first_response_at - t.created_at) / 60 AS fr,
              extract(epoch FROM t.answered_at - t.created_at) / 60 AS an, t.*
         FROM threads t JOIN spaces s ON s.id = t.space_id
        WHERE s.kind = 'HELP' AND t.created_at >= $1 AND t.created_at < $2 AND ${IN_SCOPE}
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period, count(a.period)::int AS questions,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a.fr) AS "firstResponseMedian",
            percentile_cont(0.9) WITHIN GROUP (ORDER BY a.fr) AS "firstResponseP90",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a.an) AS "answerMedian",
            percentile_cont(0.9) WITHIN GROUP (ORDER BY a.an) AS "answerP90",
            count(*) FILTER (WHERE a.first_response_at <= a.first_response_due_at)::int AS "firstResponseMet",
            count(*) FILTER (WHERE a.first_response_at > a.first_response_due_at
                                OR (a.first_response_at IS NULL AND a.first_response_due_at < $7))::int AS "firstResponseMissed",
            count(*) FILTER (WHERE a.answered_at <= a.answer_due_at)::int AS "answerMet",
            count(*) FILTER (WHERE a.answered_at > a.answer_due_at
                                OR (a.answered_at IS NULL AND a.answer_due_at < $7))::int AS "answerMissed"
       FROM periods p LEFT JOIN asked a ON a.period = p.period
      GROUP BY GROUPING SETS ((p.period), ()) ORDER BY p.period NULLS LAST`,
    params,
  );
  const moods: Record<string, unknown>[] = await test.db.query(
    `WITH ${PERIODS}, negative AS (
       SELECT date_trunc($3, p.created_at AT TIME ZONE $4) AS period,
              p.answered_at IS NOT NULL AND p.answered_at <= p.created_at + make_interval(mins => s.first_response_minutes) AS in_time,
              p.answered_at IS NOT NULL AS answered
         FROM posts p JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id
        WHERE p.tone = 'NEGATIVE' AND p.created_at >= $1 AND p.created_at < $2 AND ${IN_SCOPE} AND $7::timestamptz IS NOT NULL
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period, count(n.period)::int AS "negativePosts",
            count(*) FILTER (WHERE n.in_time)::int AS "answeredInTime",
            count(*) FILTER (WHERE n.answered AND NOT n.in_time)::int AS "answeredLate"
       FROM periods p LEFT JOIN negative n ON n.period = p.period
      GROUP BY GROUPING SETS ((p.period), ()) ORDER BY p.period NULLS LAST`,
    params,
  );
  const flow: Record<string, unknown>[] = await test.db.query(
    `WITH ${PERIODS}, moves AS (
       SELECT date_trunc($3, i.created_at AT TIME ZONE $4) AS period, 'SUBMITTED' AS status
         FROM ideas i JOIN threads t ON t.id = i.thread_id
        WHERE i.created_at >= $1 AND i.created_at < $2 AND ${IN_SCOPE}
       UNION ALL
       SELECT date_trunc($3, c.created_at AT TIME ZONE $4), c.to_status
         FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN threads t ON t.id = i.thread_id
        WHERE c.created_at >= $1 AND c.created_at < $2 AND ${IN_SCOPE} AND $7::timestamptz IS NOT NULL
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period,
            count(*) FILTER (WHERE m.status = 'SUBMITTED')::int AS submitted,
            count(*) FILTER (WHERE m.status = 'UNDER_REVIEW')::int AS "underReview",
            count(*) FILTER (WHERE m.status = 'PLANNED')::int AS planned,
            count(*) FILTER (WHERE m.status = 'IN_PROGRESS')::int AS "inProgress",
            count(*) FILTER (WHERE m.status = 'LAUNCHED')::int AS launched,
            count(*) FILTER (WHERE m.status = 'DECLINED')::int AS declined
       FROM periods p LEFT JOIN moves m ON m.period = p.period
      GROUP BY GROUPING SETS ((p.period), ()) ORDER BY p.period NULLS LAST`,
    params,
  );
  const dwell: Record<string, unknown>[] = await test.db.query(
    `WITH stays AS (
       SELECT i.id AS idea_id, 'NEW' AS status, i.created_at AS began, t.space_id, t.language
         FROM ideas i JOIN threads t ON t.id = i.thread_id
       UNION ALL
       SELECT c.idea_id, c.to_status, c.created_at, t.space_id, t.language
         FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN threads t ON t.id = i.thread_id
     ), t AS (
       SELECT status, began, space_id, language,
              coalesce(lead(began) OVER (PARTITION BY idea_id ORDER BY began), $7) - began AS length
         FROM stays
     )
     SELECT t.status, count(*)::int AS stays,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.length) / 86400) AS "medianDays",
            avg(extract(epoch FROM t.length) / 86400) AS "averageDays"
       FROM t
      WHERE t.began >= $1 AND t.began < $2 AND t.status <> 'MERGED' AND ${IN_SCOPE}
        AND $3::text IS NOT NULL AND $4::text IS NOT NULL
      GROUP BY t.status
      ORDER BY array_position(ARRAY['NEW','UNDER_REVIEW','PLANNED','IN_PROGRESS','LAUNCHED','DECLINED'], t.status::text)`,
    params,
  );
  // Rounded as the report rounds them: whole minutes, tenths of days.
  const round = (rows: Record<string, unknown>[], columns: string[], per: number) =>
    rows.map((r) => ({
      ...r,
      ...Object.fromEntries(
        columns.map((c) => [c, r[c] === null ? null : Math.round(Number(r[c]) * per) / per]),
      ),
    }));
  return {
    times: round(times, ['firstResponseMedian', 'firstResponseP90', 'answerMedian', 'answerP90'], 1),
    moods,
    flow,
    dwell: round(dwell, ['medianDays', 'averageDays'], 10),
  };
}

async function fromReport(s: ReportScope) {
  return {
    times: await responseTimes(test.db, s),
    moods: await mood(test.db, s),
    flow: await ideaFlow(test.db, s),
    dwell: await timeInStatus(test.db, s),
  };
}

/** The narrow copies as kept by the triggers, and as the migration's backfill makes them from the rows. */
async function keptAndRecounted() {
  const kept = {
    questions: await test.db.query(`SELECT * FROM report_questions ORDER BY thread_id`),
    negative: await test.db.query(
      `SELECT post_id, thread_id, space_id, language, created_at, answered_at FROM report_negative_posts
        WHERE negative ORDER BY post_id`,
    ),
    stays: await test.db.query(`SELECT * FROM report_idea_stays ORDER BY stay_id`),
  };
  const recounted = {
    questions: await test.db.query(
      `SELECT id AS thread_id, space_id, language, created_at AS asked_at, first_response_at, first_response_due_at,
              answered_at, answer_due_at
         FROM threads ORDER BY id`,
    ),
    negative: await test.db.query(
      `SELECT p.id AS post_id, p.thread_id, t.space_id, t.language, p.created_at, p.answered_at
         FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.tone = 'NEGATIVE' ORDER BY p.id`,
    ),
    stays: await test.db.query(
      `SELECT * FROM (
         SELECT i.id AS stay_id, i.id AS idea_id, i.thread_id, true AS submitted, 'NEW' AS status,
                i.created_at AS began, t.space_id, t.language
           FROM ideas i JOIN threads t ON t.id = i.thread_id
         UNION ALL
         SELECT c.id, c.idea_id, i.thread_id, false, c.to_status, c.created_at, t.space_id, t.language
           FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN threads t ON t.id = i.thread_id
       ) s ORDER BY stay_id`,
    ),
  };
  return { kept, recounted };
}

const setAt = (table: 'threads' | 'posts' | 'ideas' | 'idea_status_changes', id: string, instant: string) =>
  test.db.query(`UPDATE ${table} SET created_at = $2 WHERE id = $1`, [id, instant]);

/** Questions and replies around the night the clocks go back in Paris (UTC instants). */
async function questionsAndMood() {
  const q1 = await ask(who.asker.agent, space.help, 'Refund never arrived', 'Where is it?', 'fr');
  const q2 = await ask(who.asker.agent, space.help, 'Cannot sign in', 'It loops.', 'en');
  const q3 = await ask(who.member.agent, space.fast, 'App crashes at start', 'Every time.', 'es');
  const q4 = await ask(who.member.agent, space.help, 'Parcel lost', 'Nobody answers.', 'fr');
  // Asked on Saturday evening, the night of the change (before and after 01:00 UTC) and Monday;
  // the clocks are moved with the question (the deadlines follow its creation).
  const asked: [string, string][] = [
    [q1.id, '2026-10-24T16:00:00Z'],
    [q2.id, '2026-10-24T23:10:00Z'],
    [q3.id, '2026-10-25T01:10:00Z'],
    [q4.id, '2026-10-26T08:00:00Z'],
  ];
  for (const [id, instant] of asked)
    await test.db.query(
      `UPDATE threads SET first_response_due_at = first_response_due_at - (created_at - $2::timestamptz),
                          answer_due_at = answer_due_at - (created_at - $2::timestamptz), created_at = $2
        WHERE id = $1`,
      [id, instant],
    );

  const r1 = await reply(who.staff.agent, q1.id, 'We are looking into it.');
  const r2 = await reply(who.expert.agent, q2.id, 'Clear the cookies.');
  const r3 = await reply(who.staff.agent, q3.id, 'Update to the latest version.');
  const angry = await reply(who.asker.agent, q1.id, 'This is unacceptable, still nothing!');
  const angry2 = await reply(who.member.agent, q4.id, 'Worst service ever.');
  const calm = await reply(who.member.agent, q2.id, 'Thanks, trying it.');
  const unsure = await reply(who.expert.agent, q4.id, 'Hard to say.');
  // First responses: in time, late, on the night of the change.
  await test.db.query(
    `UPDATE threads t SET first_response_at = t.created_at + (x.minutes * interval '1 minute')
       FROM (VALUES ($1::uuid, 30), ($2::uuid, 200), ($3::uuid, 3)) x(id, minutes) WHERE t.id = x.id`,
    [q1.id, q2.id, q3.id],
  );
  expect((await who.asker.agent.request(ACCEPT, { input: { postId: r1.id } })).errors).toBeUndefined();
  expect((await who.asker.agent.request(ACCEPT, { input: { postId: r2.id } })).errors).toBeUndefined();
  expect((await who.member.agent.request(ACCEPT, { input: { postId: r3.id } })).errors).toBeUndefined();
  await test.db.query(
    `UPDATE threads t SET answered_at = t.created_at + (x.minutes * interval '1 minute')
       FROM (VALUES ($1::uuid, 600), ($2::uuid, 2000), ($3::uuid, 20)) x(id, minutes) WHERE t.id = x.id`,
    [q1.id, q2.id, q3.id],
  );
  // An answer un-accepted: its thread is open again, its clock running.
  await test.db.query(
    `UPDATE threads SET accepted_answer_id = NULL, accepted_by_id = NULL, answered_at = NULL, status = 'OPEN' WHERE id = $1`,
    [q2.id],
  );

  // Negative posts: scored, one answered in time, one late, one scored and then not negative.
  await test.db.query(`UPDATE posts SET tone = 'NEGATIVE' WHERE id = ANY($1)`, [
    [angry.id, angry2.id, calm.id, unsure.id],
  ]);
  await setAt('posts', angry.id, '2026-10-24T23:30:00Z');
  await setAt('posts', angry2.id, '2026-10-26T09:00:00Z');
  await setAt('posts', calm.id, '2026-10-25T00:30:00Z');
  // Marked answered by a staff reply: in time in the space its thread moves to (5 minutes), late, and one un-marked.
  const markAnswered = (postId: string, byPostId: string, minutes: number) =>
    test.db.query(
      `UPDATE posts SET answered_at = created_at + ($3 * interval '1 minute'), answered_by_post_id = $2,
                        answered_marked_by_id = $4
        WHERE id = $1`,
      [postId, byPostId, minutes, who.staff.id],
    );
  await markAnswered(angry.id, r1.id, 3);
  await markAnswered(angry2.id, r3.id, 300);
  await markAnswered(calm.id, r2.id, 1);
  await test.db.query(`UPDATE posts SET tone = 'NEUTRAL' WHERE id = ANY($1)`, [[calm.id, unsure.id]]);
  await test.db.query(
    `UPDATE posts SET tone = 'NEGATIVE', answered_at = NULL, answered_by_post_id = NULL, answered_marked_by_id = NULL
      WHERE id = $1`,
    [calm.id],
  );

  // A thread moved to the other help space, another's content language changed, posts hidden (one restored).
  expect(
    (await who.moderator.agent.request(MOVE, { input: { threadId: q1.id, spaceId: space.fast } })).errors,
  ).toBeUndefined();
  await test.db.query(`UPDATE threads SET language = 'es' WHERE id = $1`, [q4.id]);
  expect(
    (await who.moderator.agent.request(HIDE, { input: { postId: angry.id, reason: 'OFF_TOPIC' } })).errors,
  ).toBeUndefined();
  expect(
    (await who.moderator.agent.request(HIDE, { input: { postId: angry2.id, reason: 'SPAM' } })).errors,
  ).toBeUndefined();
  expect(
    (await who.moderator.agent.request(RESTORE, { input: { postId: angry2.id } })).errors,
  ).toBeUndefined();
}

/** Ideas moved through statuses (and back) around the change of time; one idea's thread moved and relabelled. */
async function ideasThroughStatuses() {
  const other = await createIdeaSpace(test, 'ideas-two');
  const ideas = [];
  for (const agent of [who.asker.agent, who.member.agent, who.expert.agent])
    ideas.push(await submitIdea(agent));
  const moves: [number, string][] = [
    [0, 'UNDER_REVIEW'],
    [0, 'PLANNED'],
    [0, 'UNDER_REVIEW'], // back
    [1, 'UNDER_REVIEW'],
    [1, 'DECLINED'],
    [0, 'LAUNCHED'],
  ];
  for (const [i, status] of moves)
    expect(
      (
        await who.staff.agent.request(SET_STATUS, {
          input: { ideaId: ideas[i].id, status, response: `Our decision: ${status}.` },
        })
      ).errors,
    ).toBeUndefined();
  const instants = [
    '2026-10-24T20:00:00Z',
    '2026-10-24T23:59:00Z',
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:30:00Z',
    '2026-10-25T22:30:00Z',
    '2026-10-26T07:00:00Z',
  ];
  const changes: { id: string }[] = await test.db.query(
    `SELECT id FROM idea_status_changes ORDER BY created_at, id`,
  );
  for (const [n, change] of changes.entries()) await setAt('idea_status_changes', change.id, instants[n]);
  await setAt('ideas', ideas[0].id, '2026-10-23T12:00:00Z');
  await setAt('ideas', ideas[1].id, '2026-10-24T22:30:00Z');
  await setAt('ideas', ideas[2].id, '2026-10-25T00:45:00Z');
  const [{ thread_id: threadId }]: { thread_id: string }[] = await test.db.query(
    `SELECT thread_id FROM ideas WHERE id = $1`,
    [ideas[1].id],
  );
  await test.db.query(`UPDATE threads SET space_id = $2, language = 'es' WHERE id = $1`, [threadId, other]);
  return other;
}

function scope(from: string, to: string, timeZone: string): ReportScope {
  return {
    from: new Date(from),
    to: new Date(to),
    granularity: 'day',
    timeZone,
    spaceId: null,
    language: null,
    now: new Date('2026-10-27T12:00:00Z'),
  };
}

describe('the report’s narrow rows', () => {
  let otherIdeas: string;
  beforeAll(async () => {
    await questionsAndMood();
    otherIdeas = await ideasThroughStatuses();
  });

  it('are what the rows give, after answers, un-accepts, moves, language changes, tones, hides and status changes', async () => {
    const { kept, recounted } = await keptAndRecounted();
    expect(recounted.negative.length).toBe(3);
    expect(recounted.stays.length).toBe(9);
    expect(kept).toEqual(recounted);
  });

  it('give answer times, mood, the ideas’ flow and time in status as the rows do, around the change to winter time', async () => {
    const ranges = [
      // Paris days 23–26 October: the 25th is 25 hours long.
      scope('2026-10-23T00:00:00+02:00', '2026-10-27T00:00:00+01:00', 'Europe/Paris'),
      // The 25th alone in Paris.
      scope('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 'Europe/Paris'),
      // A zone half an hour off UTC; a few hours in UTC.
      scope('2026-10-23T00:00:00+05:30', '2026-10-27T00:00:00+05:30', 'Asia/Kolkata'),
      scope('2026-10-24T23:00:00Z', '2026-10-25T01:20:00Z', 'UTC'),
    ];
    for (const range of ranges)
      for (const granularity of ['day', 'week', 'month'] as const)
        for (const [spaceId, language] of [
          [null, null],
          [space.help, null],
          [space.fast, null],
          [space.ideas, null],
          [otherIdeas, null],
          [null, 'fr'],
          [null, 'es'],
        ]) {
          const s = { ...range, granularity, spaceId, language };
          const rows = await fromRows(s);
          expect({ s, ...(await fromReport(s)) }).toEqual({ s, ...rows });
        }
    // The mix reaches every figure (a comparison of empty tables would prove nothing).
    const all = await fromReport(ranges[0]);
    const times = all.times.at(-1)!;
    expect(times.questions).toBe(4);
    expect(times.firstResponseMet + times.firstResponseMissed).toBeGreaterThanOrEqual(3);
    expect(times.answerMet + times.answerMissed).toBeGreaterThanOrEqual(2);
    expect(times.answerP90).not.toBeNull();
    expect(all.moods.at(-1)).toEqual({ period: null, negativePosts: 3, answeredInTime: 1, answeredLate: 1 });
    expect(all.flow.at(-1)).toMatchObject({
      submitted: 3,
      underReview: 3,
      planned: 1,
      launched: 1,
      declined: 1,
    });
    expect(all.dwell.map((d) => [d.status, d.stays])).toEqual([
      ['NEW', 3],
      ['UNDER_REVIEW', 3],
      ['PLANNED', 1],
      ['LAUNCHED', 1],
      ['DECLINED', 1],
    ]);
  });

  it('answers the same through the API, its sections side by side on one snapshot, with more reports at once than connections to lend', async () => {
    const range = scope('2026-10-23T00:00:00+02:00', '2026-10-27T00:00:00+01:00', 'Europe/Paris');
    const alone = await test.db.transaction('REPEATABLE READ', (tx) =>
      test.app.get(ReportsService).compute(tx, { ...range, now: new Date() }),
    );
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        who.staff.agent.data(REPORT, { from: range.from.toISOString(), to: range.to.toISOString() }),
      ),
    );
    const pick = <T extends object>(rows: T[], keys: string[]) =>
      rows.map((r) => Object.fromEntries(keys.map((k) => [k, (r as Record<string, unknown>)[k]])));
    for (const { report } of answers) {
      expect(report.responseTimes).toEqual(pick(alone.responseTimes, Object.keys(report.responseTimes[0])));
      expect(report.mood).toEqual(pick(alone.mood, Object.keys(report.mood[0])));
      expect(report.ideaFlow).toEqual(pick(alone.ideaFlow, Object.keys(report.ideaFlow[0])));
      expect(report.timeInStatus).toEqual(alone.timeInStatus);
    }
  });
});
