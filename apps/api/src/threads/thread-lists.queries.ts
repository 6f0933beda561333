import { DataSource, EntityManager } from 'typeorm';
import { publicPostSql, publicThreadSql } from './post-visibility';

/** The short lists of threads the home page shows. */
export const HOME_LISTS = ['ANNOUNCEMENT', 'QUESTIONS', 'ANSWERED', 'UNANSWERED', 'FOLLOWED'] as const;
export type HomeList = (typeof HOME_LISTS)[number];

export interface HomeListRow {
  list: HomeList;
  id: string;
}

/**
 * Every list of the home page in one statement, each bounded by `limit` and read along an index:
 * the announcement (pinned first, else the newest), the newest questions, the latest answered
 * ones, for experts and above the questions nobody has replied to, and for a member the threads
 * they follow with unread notices. Threads whose question is hidden are left out. Rows come in
 * each list's order.
 */
export function homeListRows(
  db: DataSource | EntityManager,
  params: { limit: number; unanswered: boolean; followerId: string | null },
): Promise<HomeListRow[]> {
  const visible = publicThreadSql('t');
  return db.query<HomeListRow[]>(
    `SELECT list, id FROM (
       (SELECT 'ANNOUNCEMENT' AS list, t.id, 1::bigint AS position
          FROM threads t JOIN spaces s ON s.id = t.space_id
         WHERE s.kind = 'ANNOUNCEMENTS' AND ${visible}
         ORDER BY t.pinned DESC, t.created_at DESC, t.id DESC LIMIT 1)
       UNION ALL
       (SELECT 'QUESTIONS', t.id, row_number() OVER (ORDER BY t.created_at DESC, t.id DESC)
          FROM threads t JOIN spaces s ON s.id = t.space_id
         WHERE s.kind = 'HELP' AND ${visible}
         ORDER BY t.created_at DESC, t.id DESC LIMIT $1)
       UNION ALL
       (SELECT 'ANSWERED', t.id, row_number() OVER (ORDER BY t.answered_at DESC, t.id DESC)
          FROM threads t JOIN spaces s ON s.id = t.space_id
         WHERE t.answered_at IS NOT NULL AND s.kind = 'HELP' AND ${visible}
         ORDER BY t.answered_at DESC, t.id DESC LIMIT $1)
       UNION ALL
       (SELECT 'UNANSWERED', t.id, row_number() OVER (ORDER BY t.created_at DESC, t.id DESC)
          FROM threads t JOIN spaces s ON s.id = t.space_id
         WHERE $2::boolean AND s.kind = 'HELP' AND t.status = 'OPEN' AND t.replies_count = 0 AND NOT t.locked AND ${visible}
         ORDER BY t.created_at DESC, t.id DESC LIMIT $1)
       UNION ALL
       (SELECT 'FOLLOWED', t.id, row_number() OVER (ORDER BY t.last_activity_at DESC, t.id DESC)
          FROM follows f JOIN threads t ON t.id = f.subject_id JOIN spaces s ON s.id = t.space_id
         WHERE f.user_id = $3::uuid AND f.subject_type = 'THREAD' AND f.following AND s.kind <> 'IDEAS' AND ${visible}
           AND EXISTS (SELECT 1 FROM notifications n
                        WHERE n.user_id = $3::uuid AND n.subject_type = 'THREAD' AND n.subject_id = t.id
                          AND n.read_at IS NULL)
         ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $1)
     ) lists ORDER BY list, position`,
    [params.limit, params.unanswered, params.followerId],
  );
}

/** The newest questions a person asked (outside the idea box), their question public. */
export async function askedThreadIds(
  db: DataSource | EntityManager,
  authorId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT t.id FROM threads t JOIN spaces s ON s.id = t.space_id
      WHERE t.author_id = $1 AND s.kind <> 'IDEAS' AND ${publicThreadSql('t')}
      ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
    [authorId, limit],
  );
  return rows.map((r) => r.id);
}

/** The newest public replies a person wrote in help and announcement threads (comments on ideas aside). */
export async function answerPostIds(
  db: DataSource | EntityManager,
  authorId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id
      WHERE p.author_id = $1 AND NOT p.is_question AND s.kind <> 'IDEAS' AND ${publicPostSql('p')}
      ORDER BY p.created_at DESC, p.id DESC LIMIT $2`,
    [authorId, limit],
  );
  return rows.map((r) => r.id);
}
