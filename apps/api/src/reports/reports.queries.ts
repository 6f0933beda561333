import { EntityManager } from 'typeorm';

/*
 * The report's figures, each computed by one statement over the rows the domains write (threads,
 * posts, ideas, votes, status changes, ask attempts). Periods are calendar days, weeks (ISO, from
 * Monday) or months in the report's time zone; a statement groups by
 * `GROUPING SETS ((period), ())` so that each row of a table and its total come from the same
 * rows. Durations are in minutes.
 */

export type Granularity = 'day' | 'week' | 'month';

export interface ReportScope {
  from: Date;
  to: Date;
  granularity: Granularity;
  timeZone: string;
  spaceId: string | null;
  language: string | null;
  /** "Now" for deadlines still running (a clock not yet run out is neither met nor missed). */
  now: Date;
}

type Db = Pick<EntityManager, 'query'>;

/**
 * Runs a statement written with named parameters (`:from`, `:to`, `:unit`, `:zone`, `:space`,
 * `:language`, `:now`, and the range's whole UTC days `:fullfrom`, `:fullto`, `:headto`,
 * `:tailfrom`: see wholeDays) bound from the scope: each statement uses the ones it needs, numbered in
 * order of first use (PostgreSQL refuses a numbered parameter that a statement never uses).
 */
async function run(
  db: Db,
  scope: ReportScope,
  sql: string,
  more: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const values: Record<string, unknown> = {
    ...more,
    from: scope.from,
    to: scope.to,
    unit: scope.granularity,
    zone: scope.timeZone,
    space: scope.spaceId,
    language: scope.language,
    now: scope.now,
    ...wholeDays(scope.from, scope.to),
  };
  const order: string[] = [];
  const text = sql.replace(/(?<![:\w]):([a-z]+)\b/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`Unknown report parameter :${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return db.query(
    text,
    order.map((name) => values[name]),
  );
}

/** The periods of the range, as local timestamps ("2026-11-02 00:00" in the report's zone). */
const PERIODS = `periods AS (
  SELECT p AS period FROM generate_series(
    date_trunc(:unit, :from::timestamptz AT TIME ZONE :zone),
    date_trunc(:unit, (:to::timestamptz - interval '1 millisecond') AT TIME ZONE :zone),
    ('1 ' || :unit)::interval) p
)`;

/**
 * The UTC hours the range touches, and whether each is `whole`: inside the range and inside one
 * of its periods, so that an hourly rollup's row counts for that period. The others (the range's
 * ends; in a zone not a whole number of hours off UTC, the hours a period begins in) are counted
 * from the rows, between `lo` and `hi`.
 */
const HOURS = `hours AS (
  SELECT h AS hour, greatest(h, :from::timestamptz) AS lo, least(h + interval '1 hour', :to::timestamptz) AS hi,
         h >= :from::timestamptz AND h + interval '1 hour' <= :to::timestamptz
           AND date_trunc(:unit, h AT TIME ZONE :zone)
               = date_trunc(:unit, (h + interval '1 hour' - interval '1 microsecond') AT TIME ZONE :zone) AS whole
    FROM generate_series(date_trunc('hour', :from::timestamptz, 'UTC'), :to::timestamptz - interval '1 microsecond',
                         interval '1 hour') h
)`;

/** Rows (of `alias`, with a space_id and a language) of the chosen space and language. */
const inScope = (alias: string) =>
  `(:space::uuid IS NULL OR ${alias}.space_id = :space) AND (:language::text IS NULL OR ${alias}.language = :language)`;

/** Threads of the scope: help spaces or the chosen space, the chosen language. */
const THREAD_SCOPE = inScope('t');

const bucket = (column: string) => `date_trunc(:unit, ${column} AT TIME ZONE :zone)`;

const DAY_MS = 86_400_000;

/**
 * The whole UTC days inside [from, to) — `fullfrom` (included) to `fullto` (excluded), the days a
 * statement reads from a per-day rollup — and the parts of the range around them, read from the
 * rows: the head [from, headto) and the tail [tailfrom, to). Either part may be empty; without a
 * whole day, the head is the whole range and the rollup's days are none. UTC days, whatever the
 * report's zone, so that the sum is exact for any range and any zone.
 */
export function wholeDays(from: Date, to: Date) {
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (first >= end) return { fullfrom: day(end), fullto: day(end), headto: to, tailfrom: to };
  return { fullfrom: day(first), fullto: day(end), headto: new Date(first), tailfrom: new Date(end) };
}

/** `column` in the range but outside its whole UTC days (the head and tail of wholeDays). */
const outsideWholeDays = (column: string) =>
  `((${column} >= :from AND ${column} < :headto) OR (${column} >= :tailfrom AND ${column} < :to))`;

/** The rollup's whole days of the range, in the scope's space and language. */
const ROLLUP_SCOPE = `r.day >= :fullfrom::date AND r.day < :fullto::date
  AND (:space::uuid IS NULL OR r.space_id = :space) AND (:language::text IS NULL OR r.language = :language)`;

/**
 * Per helper: replies (not the question, not by the thread's author) written in the range,
 * accepted answers (by the thread's answered_at) and thanks not withdrawn given in it — the whole
 * UTC days from report_helper_days (kept by triggers), the rest from the rows. `:users`: only these
 * helpers (null: everyone).
 */
const HELPER_COUNTS = `helper_counts AS (
  SELECT r.user_id, r.replies, r.accepted, r.thanks
    FROM report_helper_days r
   WHERE ${ROLLUP_SCOPE} AND (:users::uuid[] IS NULL OR r.user_id = ANY(:users))
  UNION ALL
  SELECT p.author_id, 1, 0, 0
    FROM posts p JOIN threads t ON t.id = p.thread_id
   WHERE NOT p.is_question AND p.author_id <> t.author_id AND ${outsideWholeDays('p.created_at')} AND ${THREAD_SCOPE}
     AND (:users::uuid[] IS NULL OR p.author_id = ANY(:users))
  UNION ALL
  SELECT a.author_id, 0, 1, 0
    FROM threads t JOIN posts a ON a.id = t.accepted_answer_id
   WHERE ${outsideWholeDays('t.answered_at')} AND ${THREAD_SCOPE} AND (:users::uuid[] IS NULL OR a.author_id = ANY(:users))
  UNION ALL
  SELECT p.author_id, 0, 0, 1
    FROM thanks k JOIN posts p ON p.id = k.post_id JOIN threads t ON t.id = p.thread_id
   WHERE k.withdrawn_at IS NULL AND ${outsideWholeDays('k.created_at')} AND ${THREAD_SCOPE}
     AND (:users::uuid[] IS NULL OR p.author_id = ANY(:users))
)`;

/** Accepted answers per author in the range (only authors with one), as HELPER_COUNTS counts them. */
const ACCEPTED_COUNTS = `accepted_counts AS (
  SELECT user_id, sum(accepted)::int AS accepted
    FROM (SELECT r.user_id, r.accepted FROM report_helper_days r WHERE r.accepted > 0 AND ${ROLLUP_SCOPE}
          UNION ALL
          SELECT a.author_id, 1 FROM threads t JOIN posts a ON a.id = t.accepted_answer_id
           WHERE ${outsideWholeDays('t.answered_at')} AND ${THREAD_SCOPE}) c
   GROUP BY user_id
)`;

export interface ResponseRow {
  /** The period's first day (YYYY-MM-DD, in the report's time zone); null for the range's total. */
  period: string | null;
  questions: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  answerMedian: number | null;
  answerP90: number | null;
  firstResponseMet: number;
  firstResponseMissed: number;
  answerMet: number;
  answerMissed: number;
}

/**
 * Questions asked in each period and how their clocks ended: time to the first response and to
 * the answer (median, 90th percentile), deadlines met and missed. A question whose deadline is
 * still running counts in neither. Read from report_questions (the threads' clocks, kept by
 * triggers): the range is an index-only scan of narrow rows.
 */
export async function responseTimes(db: Db, scope: ReportScope): Promise<ResponseRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH ${PERIODS},
     asked AS (
       SELECT ${bucket('q.asked_at')} AS period,
              extract(epoch FROM q.first_response_at - q.asked_at) / 60 AS first_response,
              extract(epoch FROM q.answered_at - q.asked_at) / 60 AS answer,
              q.first_response_at, q.first_response_due_at, q.answered_at, q.answer_due_at
         FROM report_questions q JOIN spaces s ON s.id = q.space_id
        WHERE s.kind = 'HELP' AND q.asked_at >= :from AND q.asked_at < :to AND ${inScope('q')}
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period,
            count(a.period)::int AS questions,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a.first_response) AS first_response_median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY a.first_response) AS first_response_p90,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a.answer) AS answer_median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY a.answer) AS answer_p90,
            count(*) FILTER (WHERE a.first_response_at <= a.first_response_due_at)::int AS first_response_met,
            count(*) FILTER (WHERE a.first_response_at > a.first_response_due_at
                                OR (a.first_response_at IS NULL AND a.first_response_due_at < :now))::int AS first_response_missed,
            count(*) FILTER (WHERE a.answered_at <= a.answer_due_at)::int AS answer_met,
            count(*) FILTER (WHERE a.answered_at > a.answer_due_at
                                OR (a.answered_at IS NULL AND a.answer_due_at < :now))::int AS answer_missed
       FROM periods p LEFT JOIN asked a ON a.period = p.period
      GROUP BY GROUPING SETS ((p.period), ())
      ORDER BY p.period NULLS LAST`,
  );
  return rows.map((r) => ({
    period: (r.period as string | null) ?? null,
    questions: r.questions as number,
    firstResponseMedian: minutes(r.first_response_median),
    firstResponseP90: minutes(r.first_response_p90),
    answerMedian: minutes(r.answer_median),
    answerP90: minutes(r.answer_p90),
    firstResponseMet: r.first_response_met as number,
    firstResponseMissed: r.first_response_missed as number,
    answerMet: r.answer_met as number,
    answerMissed: r.answer_missed as number,
  }));
}

export interface AnswererShare {
  community: number;
  experts: number;
  staff: number;
}

/**
 * Who wrote the answers accepted (or marked) in the range: members of the community, experts or
 * the brand's staff (staff, moderators, admins), by the author's role today.
 */
export async function answererShare(db: Db, scope: ReportScope): Promise<AnswererShare> {
  const [row] = await run(
    db,
    scope,
    `WITH ${ACCEPTED_COUNTS}
     SELECT coalesce(sum(c.accepted) FILTER (WHERE u.role = 'MEMBER'), 0)::int AS community,
            coalesce(sum(c.accepted) FILTER (WHERE u.role = 'EXPERT'), 0)::int AS experts,
            coalesce(sum(c.accepted) FILTER (WHERE u.role IN ('STAFF', 'MODERATOR', 'ADMIN')), 0)::int AS staff
       FROM accepted_counts c JOIN users u ON u.id = c.user_id`,
  );
  return { community: row.community as number, experts: row.experts as number, staff: row.staff as number };
}

export interface HelperRow {
  userId: string;
  displayName: string;
  closed: boolean;
  role: string;
  acceptedAnswers: number;
  replies: number;
  thanks: number;
}

/**
 * The people who helped most in the range: accepted answers first, then replies, then thanks
 * (those not withdrawn). Ranked by accepted answers first, the top `limit` can only hold people
 * with at least as many as the `limit`-th most: when that is one or more, only they are counted
 * in full (a dozen people, not the tens of thousands who replied); otherwise everyone is.
 */
export async function topHelpers(db: Db, scope: ReportScope, limit: number): Promise<HelperRow[]> {
  const count = Math.max(1, Math.floor(limit));
  const [bar] = await run(
    db,
    scope,
    `WITH ${ACCEPTED_COUNTS}, least AS (
       SELECT coalesce((SELECT accepted FROM accepted_counts ORDER BY accepted DESC OFFSET ${count - 1} LIMIT 1), 0) AS accepted
     )
     SELECT least.accepted AS least,
            CASE WHEN least.accepted > 0
                 THEN (SELECT array_agg(user_id) FROM accepted_counts WHERE accepted >= least.accepted) END AS users
       FROM least`,
  );
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH ${HELPER_COUNTS}, totals AS (
       SELECT user_id, sum(accepted)::int AS accepted, sum(replies)::int AS replies, sum(thanks)::int AS thanks
         FROM helper_counts GROUP BY user_id
       HAVING sum(accepted) > 0 OR sum(replies) > 0 OR sum(thanks) > 0
     )
     SELECT u.id AS user_id, u.display_name, u.closed_at IS NOT NULL AS closed, u.role,
            c.accepted AS accepted_answers, c.replies, c.thanks
       FROM totals c JOIN users u ON u.id = c.user_id
      ORDER BY accepted_answers DESC, replies DESC, thanks DESC, u.display_name, u.id
      LIMIT ${count}`,
    { users: bar.users ?? null },
  );
  return rows.map((r) => ({
    userId: r.user_id as string,
    displayName: r.display_name as string,
    closed: r.closed as boolean,
    role: r.role as string,
    acceptedAnswers: r.accepted_answers as number,
    replies: r.replies as number,
    thanks: r.thanks as number,
  }));
}

export interface DeflectionRow {
  period: string | null;
  attempts: number;
  suggestionsShown: number;
  suggestionOpened: number;
  /** Shown similar answered questions and did not post. */
  notPosted: number;
}

/**
 * The new-question form's attempts per period: suggestions shown, one opened, no question posted
 * (the whole hours from report_ask_hours, kept by triggers; the rest from the rows).
 */
export async function deflection(db: Db, scope: ReportScope): Promise<DeflectionRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH ${PERIODS}, ${HOURS},
     attempts AS (
       SELECT ${bucket('r.hour')} AS period, r.attempts, r.suggestions_shown, r.suggestion_opened, r.not_posted
         FROM report_ask_hours r JOIN hours ON hours.hour = r.hour AND hours.whole
        WHERE r.hour >= date_trunc('hour', :from::timestamptz, 'UTC') AND r.hour < :to
          AND (:space::uuid IS NULL OR r.space_id = :space) AND (:language::text IS NULL OR r.language = :language)
       UNION ALL
       SELECT ${bucket('a.started_at')}, 1, (a.suggestions_shown_at IS NOT NULL)::int,
              (a.suggestion_opened_at IS NOT NULL)::int, (a.suggestions_shown_at IS NOT NULL AND a.posted_at IS NULL)::int
         FROM hours JOIN ask_attempts a ON a.started_at >= hours.lo AND a.started_at < hours.hi
        WHERE NOT hours.whole
          AND (:space::uuid IS NULL OR a.space_id = :space) AND (:language::text IS NULL OR a.language = :language)
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period,
            coalesce(sum(a.attempts), 0)::int AS attempts,
            coalesce(sum(a.suggestions_shown), 0)::int AS suggestions_shown,
            coalesce(sum(a.suggestion_opened), 0)::int AS suggestion_opened,
            coalesce(sum(a.not_posted), 0)::int AS not_posted
       FROM periods p LEFT JOIN attempts a ON a.period = p.period
      GROUP BY GROUPING SETS ((p.period), ())
      ORDER BY p.period NULLS LAST`,
  );
  return rows.map((r) => ({
    period: (r.period as string | null) ?? null,
    attempts: r.attempts as number,
    suggestionsShown: r.suggestions_shown as number,
    suggestionOpened: r.suggestion_opened as number,
    notPosted: r.not_posted as number,
  }));
}

export interface MoodRow {
  period: string | null;
  negativePosts: number;
  /** Marked answered within the first-response time of their space. */
  answeredInTime: number;
  /** Marked answered, later than that. */
  answeredLate: number;
}

/**
 * Negative posts (the tone scorer's) written in each period, and how many the brand answered
 * within its promise: marked answered within the first-response minutes of the post's space
 * (today's setting). Read from report_negative_posts (kept by triggers), without the threads.
 */
export async function mood(db: Db, scope: ReportScope): Promise<MoodRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH ${PERIODS},
     negative AS (
       SELECT ${bucket('n.created_at')} AS period,
              n.answered_at IS NOT NULL AND n.answered_at <= n.created_at + make_interval(mins => s.first_response_minutes) AS in_time,
              n.answered_at IS NOT NULL AS answered
         FROM report_negative_posts n JOIN spaces s ON s.id = n.space_id
        WHERE n.negative AND n.created_at >= :from AND n.created_at < :to AND ${inScope('n')}
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period,
            count(n.period)::int AS negative_posts,
            count(*) FILTER (WHERE n.in_time)::int AS answered_in_time,
            count(*) FILTER (WHERE n.answered AND NOT n.in_time)::int AS answered_late
       FROM periods p LEFT JOIN negative n ON n.period = p.period
      GROUP BY GROUPING SETS ((p.period), ())
      ORDER BY p.period NULLS LAST`,
  );
  return rows.map((r) => ({
    period: (r.period as string | null) ?? null,
    negativePosts: r.negative_posts as number,
    answeredInTime: r.answered_in_time as number,
    answeredLate: r.answered_late as number,
  }));
}

export interface IdeaFlowRow {
  period: string | null;
  submitted: number;
  underReview: number;
  planned: number;
  inProgress: number;
  launched: number;
  declined: number;
}

/**
 * Ideas submitted in each period, and ideas moved into each status in it (from report_idea_stays:
 * a submission and each status change, with the idea's space and language, kept by triggers).
 */
export async function ideaFlow(db: Db, scope: ReportScope): Promise<IdeaFlowRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH ${PERIODS},
     moves AS (
       SELECT ${bucket('r.began')} AS period, CASE WHEN r.submitted THEN 'SUBMITTED' ELSE r.status END AS status
         FROM report_idea_stays r
        WHERE r.began >= :from AND r.began < :to AND ${inScope('r')}
     )
     SELECT to_char(p.period, 'YYYY-MM-DD') AS period,
            count(*) FILTER (WHERE m.status = 'SUBMITTED')::int AS submitted,
            count(*) FILTER (WHERE m.status = 'UNDER_REVIEW')::int AS under_review,
            count(*) FILTER (WHERE m.status = 'PLANNED')::int AS planned,
            count(*) FILTER (WHERE m.status = 'IN_PROGRESS')::int AS in_progress,
            count(*) FILTER (WHERE m.status = 'LAUNCHED')::int AS launched,
            count(*) FILTER (WHERE m.status = 'DECLINED')::int AS declined
       FROM periods p LEFT JOIN moves m ON m.period = p.period
      GROUP BY GROUPING SETS ((p.period), ())
      ORDER BY p.period NULLS LAST`,
  );
  return rows.map((r) => ({
    period: (r.period as string | null) ?? null,
    submitted: r.submitted as number,
    underReview: r.under_review as number,
    planned: r.planned as number,
    inProgress: r.in_progress as number,
    launched: r.launched as number,
    declined: r.declined as number,
  }));
}

export interface StatusDwellRow {
  status: string;
  /** Stays in that status that began in the range (the current one ends "now"). */
  stays: number;
  medianDays: number | null;
  averageDays: number | null;
}

/**
 * How long ideas stay in each status: every stay that began in the range (an idea's submission
 * begins its NEW stay, each status change begins the next), ended by the next change or by now.
 * Only the ideas with a stay beginning in the range are read (all their stays, from
 * report_idea_stays, kept by triggers), since a stay's end is the idea's next one.
 */
export async function timeInStatus(db: Db, scope: ReportScope): Promise<StatusDwellRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `WITH touched AS (
       SELECT DISTINCT r.idea_id FROM report_idea_stays r
        WHERE r.began >= :from AND r.began < :to AND ${inScope('r')}
     ), ended AS (
       SELECT r.status, r.began, r.space_id, r.language,
              coalesce(lead(r.began) OVER (PARTITION BY r.idea_id ORDER BY r.began), :now) - r.began AS length
         FROM report_idea_stays r WHERE r.idea_id IN (SELECT idea_id FROM touched)
     )
     SELECT e.status, count(*)::int AS stays,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.length) / 86400) AS median_days,
            avg(extract(epoch FROM e.length) / 86400) AS average_days
       FROM ended e
      WHERE e.began >= :from AND e.began < :to AND e.status <> 'MERGED'
        AND (:space::uuid IS NULL OR e.space_id = :space) AND (:language::text IS NULL OR e.language = :language)
      GROUP BY e.status
      ORDER BY array_position(ARRAY['NEW','UNDER_REVIEW','PLANNED','IN_PROGRESS','LAUNCHED','DECLINED'], e.status::text)`,
  );
  return rows.map((r) => ({
    status: r.status as string,
    stays: r.stays as number,
    medianDays: rounded(r.median_days, 10),
    averageDays: rounded(r.average_days, 10),
  }));
}

export interface IdeaVotesRow {
  ideaId: string;
  title: string;
  status: string;
  /** Votes cast in the range and not withdrawn. */
  votesInRange: number;
  votesTotal: number;
}

/**
 * The ideas with the most votes cast in the range ("top"), and those with the most in its last
 * seven days ("trending"). Ideas merged away are left out (their votes moved to the target).
 *
 * An idea has no more votes in a range than it has (`votes_count`, kept by a trigger): the most
 * voted ideas are counted first (their votes of the range's whole UTC days from
 * report_idea_vote_days, kept by triggers, the rest from the votes), and when the `limit`-th of
 * them has more votes in the range than the next idea has at all, no other idea can rank (a few
 * dozen ideas counted instead of every vote of the range). Otherwise (trending ideas are seldom the most voted) the range's votes are
 * counted from the votes, per idea.
 */
export async function ideasByVotes(
  db: Db,
  scope: ReportScope,
  window: 'range' | 'last-week',
  limit: number,
): Promise<IdeaVotesRow[]> {
  const count = Math.max(1, Math.floor(limit));
  const since =
    window === 'range'
      ? scope.from
      : new Date(Math.max(scope.from.getTime(), scope.to.getTime() - 7 * DAY_MS));
  const windowScope = { ...scope, from: since };
  // A space or language without a single idea (the help space) ranks none: said by the ideas'
  // narrow rows at once, instead of walking every idea by votes to find none of its own.
  if (scope.spaceId !== null || scope.language !== null) {
    const [{ any }] = await run(
      db,
      scope,
      `SELECT EXISTS (SELECT 1 FROM report_idea_stays r WHERE r.submitted AND ${inScope('r')}) AS any`,
    );
    if (!any) return [];
  }
  const batch = 64;
  const first = (
    await run(
      db,
      windowScope,
      `WITH candidates AS (
         SELECT i.id, t.title, i.status, i.votes_count
           FROM ideas i JOIN threads t ON t.id = i.thread_id
          WHERE i.status <> 'MERGED' AND i.votes_count > 0 AND ${THREAD_SCOPE}
          ORDER BY i.votes_count DESC, i.id
          LIMIT ${batch + 1}
       )
       SELECT c.id AS idea_id, c.title, c.status, c.votes_count AS votes_total,
              ((SELECT coalesce(sum(r.votes), 0) FROM report_idea_vote_days r
                 WHERE r.idea_id = c.id AND r.day >= :fullfrom::date AND r.day < :fullto::date)
               + (SELECT count(*) FROM idea_votes v
                   WHERE v.idea_id = c.id AND v.withdrawn_at IS NULL AND v.created_at >= :from AND v.created_at < :headto)
               + (SELECT count(*) FROM idea_votes v
                   WHERE v.idea_id = c.id AND v.withdrawn_at IS NULL AND v.created_at >= :tailfrom AND v.created_at < :to))::int AS votes_in_range
         FROM candidates c`,
    )
  ).map(ideaVotesRow);
  // (The head and the tail are counted apart: each is then one range of (idea_id, created_at), where
  // an OR of both may be planned as a scan of all the idea's votes.)
  const ranked = first.filter((i) => i.votesInRange > 0).sort(byVotes);
  // The most votes an idea not counted yet can have (all of them in the range, at best).
  const leftAtMost = first.length > batch ? first[batch].votesTotal : 0;
  if (first.length <= batch || (ranked.length >= count && ranked[count - 1].votesInRange > leftAtMost))
    return ranked.slice(0, count);
  // The range's votes are counted per idea first, from idea_votes_created_idx alone (created_at,
  // idea_id), then the ideas with any are joined: the same figures as joining every vote to its idea.
  const rows: Record<string, unknown>[] = await run(
    db,
    windowScope,
    `WITH votes AS (
       SELECT v.idea_id, count(*)::int AS votes_in_range
         FROM idea_votes v
        WHERE v.withdrawn_at IS NULL AND v.created_at >= :from AND v.created_at < :to
        GROUP BY v.idea_id
     )
     SELECT i.id AS idea_id, t.title, i.status, votes.votes_in_range, i.votes_count AS votes_total
       FROM votes JOIN ideas i ON i.id = votes.idea_id JOIN threads t ON t.id = i.thread_id
      WHERE i.status <> 'MERGED' AND ${THREAD_SCOPE}
      ORDER BY votes.votes_in_range DESC, i.votes_count DESC, i.id
      LIMIT ${count}`,
  );
  return rows.map(ideaVotesRow);
}

function ideaVotesRow(r: Record<string, unknown>): IdeaVotesRow {
  return {
    ideaId: r.idea_id as string,
    title: r.title as string,
    status: r.status as string,
    votesInRange: r.votes_in_range as number,
    votesTotal: r.votes_total as number,
  };
}

/** Most votes in the range first, then most votes, then the id (as the statements order them). */
function byVotes(a: IdeaVotesRow, b: IdeaVotesRow): number {
  return (
    b.votesInRange - a.votesInRange ||
    b.votesTotal - a.votesTotal ||
    (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0)
  );
}

export interface CampaignResultRow {
  campaignId: string;
  title: string;
  closesAt: Date;
  ideas: number;
  votes: number;
  winnerIdeaId: string | null;
  winnerTitle: string | null;
  winnerVotes: number | null;
}

/** Campaigns that closed in the range: how many ideas and votes, and the idea that won. */
export async function campaignResults(db: Db, scope: ReportScope): Promise<CampaignResultRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `SELECT c.id AS campaign_id, c.title, c.closes_at,
            count(i.id)::int AS ideas, coalesce(sum(i.votes_count), 0)::int AS votes,
            w.id AS winner_idea_id, w.title AS winner_title, w.votes_count AS winner_votes
       FROM campaigns c
       LEFT JOIN ideas i ON i.campaign_id = c.id AND i.status <> 'MERGED'
       LEFT JOIN LATERAL (
         SELECT wi.id, wt.title, wi.votes_count FROM ideas wi JOIN threads wt ON wt.id = wi.thread_id
          WHERE wi.campaign_id = c.id AND wi.status <> 'MERGED' AND wi.votes_count > 0
          ORDER BY wi.votes_count DESC, wi.created_at LIMIT 1
       ) w ON true
      WHERE c.closes_at >= :from AND c.closes_at < :to AND c.closes_at <= :now
        AND (:space::uuid IS NULL OR c.space_id = :space)
      GROUP BY c.id, w.id, w.title, w.votes_count
      ORDER BY c.closes_at`,
  );
  return rows.map((r) => ({
    campaignId: r.campaign_id as string,
    title: r.title as string,
    closesAt: r.closes_at as Date,
    ideas: r.ideas as number,
    votes: r.votes as number,
    winnerIdeaId: (r.winner_idea_id as string | null) ?? null,
    winnerTitle: (r.winner_title as string | null) ?? null,
    winnerVotes: (r.winner_votes as number | null) ?? null,
  }));
}

function minutes(value: unknown): number | null {
  return rounded(value, 1);
}

/** A figure rounded to 1/`per` (PostgreSQL returns numeric aggregates as strings or doubles). */
function rounded(value: unknown, per: number): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * per) / per;
}

/** The instants a local day begins and ends in `timeZone` (23 or 25 hours long on a clock change). */
export async function localDay(db: Db, day: string, timeZone: string): Promise<{ from: Date; to: Date }> {
  const [row]: { from: Date; to: Date }[] = await db.query(
    `SELECT ($1::date)::timestamp AT TIME ZONE $2 AS "from", ($1::date + 1)::timestamp AT TIME ZONE $2 AS "to"`,
    [day, timeZone],
  );
  return row;
}

export interface HotThreadRow {
  threadId: string;
  title: string;
  status: string;
  negativePosts: number;
  /** Of those negative posts, how many the brand has marked answered. */
  answered: number;
  acknowledgedAt: Date | null;
}

/** The threads with the most negative posts written in the range, and their state now. */
export async function hottestNegativeThreads(
  db: Db,
  scope: ReportScope,
  limit: number,
): Promise<HotThreadRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `SELECT t.id AS thread_id, t.title, t.status, t.first_response_at,
            count(*)::int AS negative_posts, count(p.answered_at)::int AS answered
       FROM posts p JOIN threads t ON t.id = p.thread_id
      WHERE p.tone = 'NEGATIVE' AND p.created_at >= :from AND p.created_at < :to AND ${THREAD_SCOPE}
      GROUP BY t.id
      ORDER BY negative_posts DESC, max(p.created_at) DESC, t.id
      LIMIT ${Number(limit)}`,
  );
  return rows.map((r) => ({
    threadId: r.thread_id as string,
    title: r.title as string,
    status: r.status as string,
    negativePosts: r.negative_posts as number,
    answered: r.answered as number,
    acknowledgedAt: (r.first_response_at as Date | null) ?? null,
  }));
}

export interface IdeaMoveRow {
  ideaId: string;
  title: string;
  fromStatus: string;
  toStatus: string;
  at: Date;
}

/** Ideas whose status changed in the range, in order. */
export async function ideasMoved(db: Db, scope: ReportScope): Promise<IdeaMoveRow[]> {
  const rows: Record<string, unknown>[] = await run(
    db,
    scope,
    `SELECT c.idea_id, t.title, c.from_status, c.to_status, c.created_at
       FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id JOIN threads t ON t.id = i.thread_id
      WHERE c.created_at >= :from AND c.created_at < :to AND ${THREAD_SCOPE}
      ORDER BY c.created_at, c.id`,
  );
  return rows.map((r) => ({
    ideaId: r.idea_id as string,
    title: r.title as string,
    fromStatus: r.from_status as string,
    toStatus: r.to_status as string,
    at: r.created_at as Date,
  }));
}
