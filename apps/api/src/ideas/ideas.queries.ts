import { TRENDING_GRAVITY, TRENDING_WINDOW_DAYS } from '@parvis/domain';
import { EntityManager } from 'typeorm';
import { ConnectionShape, decodeCursor, toConnection } from '../common/pagination';
import { publicThreadSql } from '../threads/post-visibility';
import { IdeaRow } from './idea.type';
import { IdeasArgs } from './ideas.inputs';

/*
 * The idea box's set-based SQL: lists, rankings, counts and merges, each a function taking the
 * caller's `tx` (or the data source's manager) and returning typed rows. Single rows go through
 * the EntityManager in the service; these are the statements worth writing by hand, shared by
 * the service and the demo seed so that neither keeps its own copy.
 */

/** The idea columns every list and page reads, with the thread columns it shows (one join, no N+1). */
const IDEA_COLUMNS = `i.id, i.thread_id AS "threadId", t.space_id AS "spaceId", t.author_id AS "authorId", t.title,
  t.language, t.replies_count AS "repliesCount", i.status, i.votes_count AS "votesCount", i.campaign_id AS "campaignId",
  i.merged_into_id AS "mergedIntoId", i.status_changed_at AS "statusChangedAt", i.last_vote_at AS "lastVoteAt",
  i.created_at AS "createdAt"`;
const IDEA_FROM = `ideas i JOIN threads t ON t.id = i.thread_id`;

/**
 * TRENDING (documented in libs/shared/domain ideas.ts): the sum over the idea's active votes of
 * the last TRENDING_WINDOW_DAYS of 1 / (1 + ageHours / 24) ^ TRENDING_GRAVITY, at a reference
 * time `$ref` carried in the cursor so that every page of one listing ranks with the same clock.
 */
const trendingScore = (ref: string) => `COALESCE((
    SELECT sum(power(1 + extract(epoch FROM (${ref}::timestamptz - v.created_at))::float8 / 86400, -${TRENDING_GRAVITY}))
    FROM idea_votes v
    WHERE v.idea_id = i.id AND v.withdrawn_at IS NULL
      AND v.created_at > ${ref}::timestamptz - interval '${TRENDING_WINDOW_DAYS} days' AND v.created_at <= ${ref}::timestamptz
  ), 0)::float8`;

export async function ideaById(db: EntityManager, id: string): Promise<IdeaRow | undefined> {
  const [row] = await db.query<IdeaRow[]>(`SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE i.id = $1`, [id]);
  return row;
}

/** A live event that carries an idea's id and campaign: its channel and topic (events/live-events.service.ts). */
export interface IdeaAnnouncement {
  channel: string;
  topic: string;
}

/**
 * The idea, read in the caller's transaction, and in the same statement its live event
 * `{ topic, data: { ideaId, campaignId } }` (`pg_notify`, delivered when the transaction commits),
 * the payload LiveEvents.publish sends: a vote's last statement before COMMIT, so that the row its
 * trigger locked is held over one round trip, and the event names the campaign without a read.
 */
export async function ideaByIdAnnounced(
  db: EntityManager,
  id: string,
  announce: IdeaAnnouncement,
): Promise<IdeaRow | undefined> {
  const [row] = await db.query<(IdeaRow & { announced?: unknown })[]>(
    `SELECT ${IDEA_COLUMNS},
            pg_notify($2, json_build_object('topic', $3::text,
              'data', json_build_object('ideaId', i.id, 'campaignId', i.campaign_id))::text) AS announced
       FROM ${IDEA_FROM} WHERE i.id = $1`,
    [id, announce.channel, announce.topic],
  );
  if (!row) return undefined;
  delete row.announced;
  return row;
}

export function ideasByIds(db: EntityManager, ids: readonly string[]): Promise<IdeaRow[]> {
  return db.query<IdeaRow[]>(`SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE i.id = ANY($1::uuid[])`, [ids]);
}

export function ideasByThreadIds(db: EntityManager, threadIds: readonly string[]): Promise<IdeaRow[]> {
  return db.query<IdeaRow[]>(`SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE i.thread_id = ANY($1::uuid[])`, [
    threadIds,
  ]);
}

/** Ideas merged into each of `ids` (their duplicates), oldest first. */
export function ideasMergedInto(db: EntityManager, ids: readonly string[]): Promise<IdeaRow[]> {
  return db.query<IdeaRow[]>(
    `SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE i.merged_into_id = ANY($1::uuid[]) ORDER BY i.created_at`,
    [ids],
  );
}

/**
 * One page of the idea board (TOP, TRENDING or NEW, filtered), with the total the filters match,
 * read from the counts the database keeps (idea_counts) rather than counted.
 */
export async function ideaBoardPage(db: EntityManager, args: IdeasArgs): Promise<ConnectionShape<IdeaRow>> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const filters: string[] = [args.status ? `i.status = ${p(args.status)}` : `i.status <> 'MERGED'`];
  if (args.campaignId) filters.push(`i.campaign_id = ${p(args.campaignId)}`);
  if (args.spaceId) filters.push(`t.space_id = ${p(args.spaceId)}`);
  const where = filters.join(' AND ');
  // The same filters on the kept counts (idea_counts: per space, campaign and status), same parameters.
  const countWhere = filters
    .map((f) =>
      f
        .replace(/^i\.status/, 'c.status')
        .replace(/^i\.campaign_id/, 'c.campaign_id')
        .replace(/^t\.space_id/, 'c.space_id'),
    )
    .join(' AND ');

  let sql: string;
  let sortKey: (row: IdeaRow & { score?: number }) => unknown[];
  if (args.sort === 'TRENDING') {
    const [ref, score, createdAt, id] = args.after
      ? decodeCursor(args.after, ['instant', 'number', 'instant', 'uuid'])
      : [new Date().toISOString()];
    const refParam = p(ref);
    const keyset = args.after
      ? `WHERE (s.score, s."createdAt", s.id) < (${p(score)}::float8, ${p(createdAt)}::timestamptz, ${p(id)}::uuid)`
      : '';
    sql = `SELECT * FROM (SELECT ${IDEA_COLUMNS}, ${trendingScore(refParam)} AS score FROM ${IDEA_FROM} WHERE ${where}) s
      ${keyset} ORDER BY s.score DESC, s."createdAt" DESC, s.id DESC`;
    sortKey = (row) => [ref, row.score, row.createdAt.toISOString(), row.id];
  } else if (args.sort === 'NEW') {
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['instant', 'uuid']);
      filters.push(`(i.created_at, i.id) < (${p(createdAt)}::timestamptz, ${p(id)}::uuid)`);
    }
    sql = `SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE ${filters.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC`;
    sortKey = (row) => [row.createdAt.toISOString(), row.id];
  } else {
    if (args.after) {
      const [votes, createdAt, id] = decodeCursor(args.after, ['integer', 'instant', 'uuid']);
      filters.push(
        `(i.votes_count, i.created_at, i.id) < (${p(votes)}::int, ${p(createdAt)}::timestamptz, ${p(id)}::uuid)`,
      );
    }
    sql = `SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE ${filters.join(' AND ')}
      ORDER BY i.votes_count DESC, i.created_at DESC, i.id DESC`;
    sortKey = (row) => [row.votesCount, row.createdAt.toISOString(), row.id];
  }
  // One statement: the page, each idea's question (whether its title may be read: no second
  // query for the titles), and the total as a sum over a few kept counts rather than a count
  // over the ideas (the board's cost at scale). The total's filters reuse the page's parameters.
  const limit = p(args.first + 1);
  const rows = await db.query<(BoardRow & { total: number })[]>(
    `WITH page AS (SELECT row_number() OVER () AS ord, b.* FROM (${sql} LIMIT ${limit}) b),
     total AS (SELECT COALESCE(sum(c.ideas), 0)::int AS total FROM idea_counts c WHERE ${countWhere})
     SELECT page.*, q.author_id AS "questionAuthorId", q.hidden_at AS "questionHiddenAt", total.total
       FROM total LEFT JOIN page ON true
       LEFT JOIN posts q ON q.thread_id = page."threadId" AND q.is_question
      ORDER BY page.ord`,
    params,
  );
  const total = rows[0]?.total ?? 0;
  const ideas: IdeaRow[] = rows
    .filter((row) => row.id !== null)
    .map(({ total: _total, ord: _ord, questionAuthorId, questionHiddenAt, ...row }) => ({
      ...row,
      question: questionAuthorId ? { authorId: questionAuthorId, hiddenAt: questionHiddenAt } : null,
    }));
  return toConnection(ideas, args.first, total, sortKey);
}

/** A row of the board's statement, before its question is folded into `question`. */
type BoardRow = IdeaRow & { ord: number; questionAuthorId: string | null; questionHiddenAt: Date | null };

/** Of `ideaIds`, those `userId` has an active vote for. */
export async function votedIdeaIds(
  db: EntityManager,
  userId: string,
  ideaIds: readonly string[],
): Promise<Set<string>> {
  const rows = await db.query<{ idea_id: string }[]>(
    `SELECT idea_id FROM idea_votes WHERE user_id = $1 AND idea_id = ANY($2::uuid[]) AND withdrawn_at IS NULL`,
    [userId, ideaIds],
  );
  return new Set(rows.map((r) => r.idea_id));
}

/** Active voters and the author of an idea: who hears about its status. */
export async function ideaFollowerIds(tx: EntityManager, ideaId: string): Promise<string[]> {
  const rows = await tx.query<{ user_id: string }[]>(
    `SELECT v.user_id FROM idea_votes v WHERE v.idea_id = $1 AND v.withdrawn_at IS NULL
     UNION SELECT t.author_id FROM ideas i JOIN threads t ON t.id = i.thread_id WHERE i.id = $1`,
    [ideaId],
  );
  return rows.map((r) => r.user_id);
}

/** Ideas proposed in each campaign (merged duplicates not counted). */
export async function campaignIdeaCounts(
  db: EntityManager,
  campaignIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ campaign_id: string; n: number }[]>(
    `SELECT campaign_id, count(*)::int AS n FROM ideas WHERE campaign_id = ANY($1::uuid[]) AND status <> 'MERGED' GROUP BY campaign_id`,
    [campaignIds],
  );
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}

/** How many active votes `userId` has in each campaign. */
export async function campaignVotesUsed(
  db: EntityManager,
  userId: string,
  campaignIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ campaign_id: string; n: number }[]>(
    `SELECT i.campaign_id, count(*)::int AS n FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
     WHERE v.user_id = $1 AND v.withdrawn_at IS NULL AND i.campaign_id = ANY($2::uuid[]) GROUP BY i.campaign_id`,
    [userId, campaignIds],
  );
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}

/** An idea of a campaign with the votes that rank it there, under `rankedIn` (its campaign). */
export type CampaignRankingRow = IdeaRow & { votes: number; rankedIn: string };

/**
 * The ideas of every campaign in `campaignIds`, in one query, most voted first (the earlier idea
 * first on a tie). Each counts only votes cast before its campaign closed and not withdrawn
 * before it closed: every active vote while the campaign is open, a frozen count once closed.
 */
export function campaignRankingRows(
  db: EntityManager,
  campaignIds: readonly string[],
): Promise<CampaignRankingRow[]> {
  return db.query<CampaignRankingRow[]>(
    `SELECT ${IDEA_COLUMNS}, i.campaign_id AS "rankedIn",
       (SELECT count(*)::int FROM idea_votes v
        WHERE v.idea_id = i.id AND v.created_at < c.closes_at
          AND (v.withdrawn_at IS NULL OR v.withdrawn_at >= c.closes_at)) AS votes
     FROM ${IDEA_FROM} JOIN campaigns c ON c.id = i.campaign_id
     WHERE i.campaign_id = ANY($1::uuid[]) AND i.status <> 'MERGED'
     ORDER BY i.campaign_id, votes DESC, i.created_at ASC, i.id ASC`,
    [campaignIds],
  );
}

/** Locks ideas for update, always in the same order, so that two transactions locking the same pair cannot deadlock. */
export async function lockIdeas(tx: EntityManager, ids: readonly string[]): Promise<void> {
  await tx.query(`SELECT id FROM ideas WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
}

/**
 * The votes of a merge: the source's active votes move to the target (each keeping the time it
 * was cast; the vote trigger counts it there without checking it as a new vote), except for
 * people who already vote for the target, so nobody is counted twice; then every active vote
 * of the source is withdrawn, at `at` (default: now). Returns how many votes moved.
 */
export async function moveVotesOfMerge(
  tx: EntityManager,
  sourceId: string,
  targetId: string,
  at: Date | null = null,
): Promise<number> {
  const moved = await tx.query<unknown[]>(
    `INSERT INTO idea_votes (idea_id, user_id, created_at, moved_from_idea_id)
     SELECT $2, v.user_id, v.created_at, $1 FROM idea_votes v
     WHERE v.idea_id = $1 AND v.withdrawn_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM idea_votes w WHERE w.idea_id = $2 AND w.user_id = v.user_id AND w.withdrawn_at IS NULL)
     RETURNING id`,
    [sourceId, targetId],
  );
  await tx.query(
    `UPDATE idea_votes SET withdrawn_at = COALESCE($2::timestamptz, now()) WHERE idea_id = $1 AND withdrawn_at IS NULL`,
    [sourceId, at],
  );
  return moved.length;
}

/** Everyone with an active vote on an idea of the campaign. */
export async function campaignVoterIds(tx: EntityManager, campaignId: string): Promise<string[]> {
  const rows = await tx.query<{ user_id: string }[]>(
    `SELECT DISTINCT v.user_id FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
      WHERE i.campaign_id = $1 AND v.withdrawn_at IS NULL`,
    [campaignId],
  );
  return rows.map((r) => r.user_id);
}

/** Ideas' titles anyone may read, by idea id: an idea whose question is hidden is left out. */
export async function publicIdeaTitles(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; title: string }[]>(
    `SELECT i.id, t.title FROM ideas i JOIN threads t ON t.id = i.thread_id
      WHERE i.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.thread_id = t.id AND q.is_question AND q.hidden_at IS NOT NULL)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function campaignTitles(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; title: string }[]>(
    `SELECT id, title FROM campaigns WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Every idea (a merged one too: its page is public and links to where its votes went), by id, for the sitemap. */
export function sitemapIdeas(
  db: EntityManager,
  offset: number,
  limit: number,
): Promise<{ id: string; lastActivityAt: Date }[]> {
  return db.query(
    `SELECT i.id, GREATEST(t.last_activity_at, i.status_changed_at) AS "lastActivityAt"
       FROM ${IDEA_FROM} ORDER BY i.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
}

export async function sitemapIdeasCount(db: EntityManager): Promise<number> {
  const [{ count }] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ideas`);
  return count;
}

/** A person's latest ideas (merged ones included: their page says where they went), newest first. */
export function ideasByAuthor(db: EntityManager, authorId: string, limit: number): Promise<IdeaRow[]> {
  return db.query<IdeaRow[]>(
    `SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM}
      WHERE t.author_id = $1 AND ${publicThreadSql('t')}
      ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
    [authorId, limit],
  );
}
