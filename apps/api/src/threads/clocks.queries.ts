import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, decodeCursor, toConnection } from '../common/pagination';
import { Thread } from './thread.entity';

export type QueuedThread = Thread & { nextDueAt: Date };

/** Which open threads the queue shows: all, those assigned to the viewer, or those assigned to nobody. */
export const SLA_QUEUE_VIEWS = ['ALL', 'MINE', 'UNASSIGNED'] as const;
export type SlaQueueView = (typeof SLA_QUEUE_VIEWS)[number];

/** The deadline still running on an open help thread: the first response, then the answer. */
const NEXT_DUE_AT = `CASE WHEN t.first_response_at IS NULL THEN t.first_response_due_at ELSE t.answer_due_at END`;

/**
 * Open help threads for a viewer: those nobody has in a space where the viewer is on duty first
 * (offered to them), then by the deadline still running, earliest (so overdue) first; keyset-paginated.
 * `onDutyIn(asOf)` names the spaces where the viewer is on duty at `asOf`: now for a first page, and
 * the instant of the first page for the next ones (kept in the cursor), so that a walk through the
 * pages keeps one order even when a duty period ends in between: nothing skipped, nothing repeated.
 */
export async function slaQueuePage(
  db: DataSource | EntityManager,
  first: number,
  after?: string,
  view: SlaQueueView = 'ALL',
  viewerId?: string,
  onDutyIn: (asOf: Date) => Promise<string[]> = () => Promise.resolve([]),
): Promise<ConnectionShape<QueuedThread>> {
  const cursor = after ? decodeCursor(after, ['instant', 'boolean', 'instant', 'uuid']) : null;
  const asOf = cursor ? new Date(cursor[0]) : new Date();
  const spaces = view === 'MINE' ? [] : await onDutyIn(asOf);
  // 0: offered to the viewer (nobody has it and they are on duty in its space), 1: the others.
  const rank = `(CASE WHEN t.assignee_id IS NULL AND t.space_id = ANY(CAST(:spaces AS uuid[])) THEN 0 ELSE 1 END)`;
  const query = db
    .getRepository(Thread)
    .createQueryBuilder('t')
    .where(`t.status = 'OPEN' AND t.first_response_due_at IS NOT NULL`)
    .setParameter('spaces', spaces);
  if (view === 'MINE') query.andWhere('t.assignee_id = :viewerId', { viewerId });
  if (view === 'UNASSIGNED') query.andWhere('t.assignee_id IS NULL');
  const total = await query.getCount();
  if (cursor) {
    const [, offered, at, id] = cursor;
    query.andWhere(`(${rank}, ${NEXT_DUE_AT}, t.id) > (:rankAfter, :at, :id)`, {
      rankAfter: offered ? 0 : 1,
      at,
      id,
    });
  }
  const rows = await query
    .orderBy(rank, 'ASC')
    .addOrderBy(NEXT_DUE_AT, 'ASC')
    .addOrderBy('t.id', 'ASC')
    .limit(first + 1)
    .getMany();
  const onDuty = new Set(spaces);
  const withDue = rows.map((t) =>
    Object.assign(t, { nextDueAt: (t.firstResponseAt ? t.answerDueAt : t.firstResponseDueAt) as Date }),
  );
  return toConnection(withDue, first, total, (t) => [
    asOf.toISOString(),
    t.assigneeId === null && onDuty.has(t.spaceId),
    t.nextDueAt.toISOString(),
    t.id,
  ]);
}

/** A help thread whose running deadline falls within the warning window. */
export interface ThreadAtRisk {
  id: string;
  clock: 'FIRST_RESPONSE' | 'ANSWER';
  dueAt: Date;
  /** Who the thread is assigned to: they, rather than every agent, are warned. */
  assigneeId: string | null;
}

/**
 * Open help threads whose first response, or answer, is due in (now, now + minutes] and not yet
 * given: the ones staff still have time to save.
 */
export async function threadsAtRisk(db: EntityManager, now: Date, minutes: number): Promise<ThreadAtRisk[]> {
  return db.query<ThreadAtRisk[]>(
    `SELECT t.id, 'FIRST_RESPONSE' AS clock, t.first_response_due_at AS "dueAt", t.assignee_id AS "assigneeId" FROM threads t
      WHERE t.status = 'OPEN' AND t.first_response_at IS NULL
        AND t.first_response_due_at > $1 AND t.first_response_due_at <= $1::timestamptz + make_interval(mins => $2)
     UNION ALL
     SELECT t.id, 'ANSWER', t.answer_due_at, t.assignee_id FROM threads t
      WHERE t.status = 'OPEN' AND t.answered_at IS NULL
        AND t.answer_due_at > $1 AND t.answer_due_at <= $1::timestamptz + make_interval(mins => $2)`,
    [now, minutes],
  );
}

/** The titles anyone may read, by thread id: a thread whose question is hidden is left out. */
export async function publicThreadTitles(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; title: string }[]>(
    `SELECT t.id, t.title FROM threads t
      WHERE t.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.thread_id = t.id AND q.is_question AND q.hidden_at IS NOT NULL)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}
