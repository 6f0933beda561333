import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, decodeCursor, toConnection } from '../common/pagination';
import { Thread } from './thread.entity';

export type QueuedThread = Thread & { nextDueAt: Date };

/** The deadline still running on an open help thread: the first response, then the answer. */
const NEXT_DUE_AT = `CASE WHEN t.first_response_at IS NULL THEN t.first_response_due_at ELSE t.answer_due_at END`;

/** Open help threads by the deadline still running, earliest (so overdue) first; keyset-paginated. */
export async function slaQueuePage(
  db: DataSource | EntityManager,
  first: number,
  after?: string,
): Promise<ConnectionShape<QueuedThread>> {
  const query = db
    .getRepository(Thread)
    .createQueryBuilder('t')
    .where(`t.status = 'OPEN' AND t.first_response_due_at IS NOT NULL`);
  const total = await query.getCount();
  if (after) {
    const [at, id] = decodeCursor(after, ['instant', 'uuid']);
    query.andWhere(`(${NEXT_DUE_AT}, t.id) > (:at, :id)`, { at, id });
  }
  const rows = await query
    .orderBy(NEXT_DUE_AT, 'ASC')
    .addOrderBy('t.id', 'ASC')
    .limit(first + 1)
    .getMany();
  const withDue = rows.map((t) =>
    Object.assign(t, { nextDueAt: (t.firstResponseAt ? t.answerDueAt : t.firstResponseDueAt) as Date }),
  );
  return toConnection(withDue, first, total, (t) => [t.nextDueAt.toISOString(), t.id]);
}
