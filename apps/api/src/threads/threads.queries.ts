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
  if (args.spaceId) query.andWhere('t.space_id = :spaceId', { spaceId: args.spaceId });
  if (args.status) query.andWhere('t.status = :status', { status: args.status });
  if (args.unanswered) query.andWhere('t.replies_count = 0');
  const total = await query.getCount();
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
