import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, decodeCursor, toConnection } from '../common/pagination';
import { Thread } from './thread.entity';
import { ThreadsArgs } from './thread.type';

/** Threads, pinned first, then by last activity or creation, newest first; keyset-paginated. */
export async function threadsPage(
  db: DataSource | EntityManager,
  args: ThreadsArgs,
): Promise<ConnectionShape<Thread>> {
  const query = db.getRepository(Thread).createQueryBuilder('t');
  // The same filters on the counts the database keeps (thread_counts, migration ThreadCounts):
  // the total is a sum over a few rows, not a count over the space's threads.
  const counted = db
    .createQueryBuilder()
    .select('COALESCE(sum(c.threads), 0)::int', 'total')
    .from('thread_counts', 'c');
  if (args.spaceId) {
    query.andWhere('t.space_id = :spaceId', { spaceId: args.spaceId });
    counted.andWhere('c.space_id = :spaceId', { spaceId: args.spaceId });
  }
  if (args.status) {
    query.andWhere('t.status = :status', { status: args.status });
    counted.andWhere('c.status = :status', { status: args.status });
  }
  if (args.unanswered) {
    query.andWhere('t.replies_count = 0');
    counted.andWhere('c.unanswered');
  }
  const total = ((await counted.getRawOne<{ total: number }>()) ?? { total: 0 }).total;
  const column = args.sort === 'NEWEST' ? 't.created_at' : 't.last_activity_at';
  const field: 'createdAt' | 'lastActivityAt' = args.sort === 'NEWEST' ? 'createdAt' : 'lastActivityAt';
  if (args.after) {
    const [pinned, at, id] = decodeCursor(args.after, ['boolean', 'instant', 'uuid']);
    query.andWhere(`(t.pinned, ${column}, t.id) < (:pinned, :at, :id)`, { pinned, at, id });
  }
  const rows = await query
    .orderBy('t.pinned', 'DESC')
    .addOrderBy(column, 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(args.first + 1)
    .getMany();
  return toConnection(rows, args.first, total, (t) => [t.pinned, t[field].toISOString(), t.id]);
}

/** A public page for search engines' sitemap: its id and when it last changed. */
export interface SitemapRow {
  id: string;
  lastActivityAt: Date;
}

/**
 * The threads search engines may list: every thread outside the idea spaces (an idea's page is
 * /ideas/<id>), a thread whose question is hidden included (its page is public, with the notice);
 * private follow-ups are not threads. By id, `limit` from `offset`.
 */
export function sitemapThreads(
  db: DataSource | EntityManager,
  offset: number,
  limit: number,
): Promise<SitemapRow[]> {
  return db.query(
    `SELECT t.id, t.last_activity_at AS "lastActivityAt"
       FROM threads t JOIN spaces s ON s.id = t.space_id
      WHERE s.kind <> 'IDEAS'
      ORDER BY t.id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
}

export async function sitemapThreadsCount(db: DataSource | EntityManager): Promise<number> {
  const [{ count }] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.kind <> 'IDEAS'`,
  );
  return count;
}
