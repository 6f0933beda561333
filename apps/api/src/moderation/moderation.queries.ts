import type { DataSource } from 'typeorm';

/** How many later replies a queue item offers as its possible answers. */
export const LATER_REPLIES_LIMIT = 5;

/**
 * For each post, the post just before it in its thread (the question for the first reply), in
 * one statement whatever the number of posts: the context a moderator reads a queue item in.
 */
export async function previousPostIds(
  db: DataSource,
  postIds: readonly string[],
): Promise<Map<string, string>> {
  const rows: { for_id: string; id: string }[] = await db.query(
    `SELECT q.id AS for_id, prev.id
       FROM posts q
       CROSS JOIN LATERAL (
         SELECT p.id FROM posts p
          WHERE p.thread_id = q.thread_id AND (p.created_at, p.id) < (q.created_at, q.id)
          ORDER BY p.created_at DESC, p.id DESC LIMIT 1) prev
      WHERE q.id = ANY($1::uuid[])`,
    [[...postIds]],
  );
  return new Map(rows.map((r) => [r.for_id, r.id]));
}

/**
 * For each post, the visible replies after it in its thread by someone other than its author,
 * oldest first (at most LATER_REPLIES_LIMIT): the answers it may be marked answered by, in one
 * statement. A negative post with none has not been answered.
 */
export async function laterReplyIds(
  db: DataSource,
  postIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows: { for_id: string; id: string }[] = await db.query(
    `SELECT q.id AS for_id, r.id
       FROM posts q
       CROSS JOIN LATERAL (
         SELECT p.id, p.created_at FROM posts p
          WHERE p.thread_id = q.thread_id AND NOT p.is_question AND p.hidden_at IS NULL
            AND p.author_id <> q.author_id AND (p.created_at, p.id) > (q.created_at, q.id)
          ORDER BY p.created_at, p.id LIMIT $2) r
      WHERE q.id = ANY($1::uuid[])
      ORDER BY q.id, r.created_at, r.id`,
    [[...postIds], LATER_REPLIES_LIMIT],
  );
  const byPost = new Map<string, string[]>(postIds.map((id) => [id, []]));
  for (const row of rows) byPost.get(row.for_id)?.push(row.id);
  return byPost;
}

/**
 * Which of these posts the member has an open flag on (one statement, no query builder: it runs
 * on every signed-in thread page, where building it through TypeORM cost more processor time
 * than the statement itself, a profile of the signed-in page).
 */
export async function postsFlaggedByMember(
  db: DataSource,
  memberId: string,
  postIds: readonly string[],
): Promise<Set<string>> {
  const rows: { post_id: string }[] = await db.query(
    `SELECT f.post_id FROM flags f
      WHERE f.member_id = $1 AND f.post_id = ANY($2::uuid[]) AND f.resolved_at IS NULL`,
    [memberId, [...postIds]],
  );
  return new Set(rows.map((r) => r.post_id));
}
