import { DataSource } from 'typeorm';
import { codeOf, useCommunity } from '../testing/community';
import { GraphQLAgent } from '../testing/test-app';
import { ask } from '../testing/threads-fixtures';
import { slaQueuePage } from '../threads/clocks.queries';

const { test, space, who } = useCommunity();

const SET_DUTY = `mutation ($input: SetDutyScheduleInput!) { setDutySchedule(input: $input) { spaceId } }`;
const ASSIGN = `mutation ($input: AssignThreadInput!) { assignThread(input: $input) { id } }`;
const QUEUE = `query ($first: Int, $after: String, $view: SlaQueueView) { slaQueue(first: $first, after: $after, view: $view) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id offeredTo { id } } } } }`;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: 0, to: 1440 }));

/** Moves a thread's first-response deadline as if it had been asked `minutes` ago (60 minutes allowed). */
async function askedAgo(threadId: string, minutes: number) {
  await test.db.query(`UPDATE threads SET first_response_due_at = $2 WHERE id = $1`, [
    threadId,
    new Date(Date.now() + (60 - minutes) * 60_000),
  ]);
}

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

/** Every page of the queue, `first` at a time, following the cursors. */
async function walk(agent: GraphQLAgent, first: number, view = 'ALL'): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { slaQueue }: { slaQueue: any } = await agent.data(QUEUE, { first, after, view });
    seen.push(...ids(slaQueue));
    if (!slaQueue.pageInfo.hasNextPage) return seen;
    after = slaQueue.pageInfo.endCursor;
  }
  throw new Error('The queue never ended.');
}

describe('the SLA queue for managers on duty', () => {
  let dutySpace: string;
  let overdueElsewhere: string;
  let offeredSoon: string;
  let offeredLater: string;
  let assignedInDutySpace: string;

  beforeAll(async () => {
    // Only this file's threads are open.
    await test.db.query(`UPDATE threads SET status = 'RESOLVED' WHERE status = 'OPEN'`);
    const [row] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('duty-desk', 'Duty desk', 'HELP', 8) RETURNING id`,
    );
    dutySpace = row.id;
    await who.moderator.agent.data(SET_DUTY, {
      input: { spaceId: dutySpace, timeZone: 'Europe/Paris', periods: ALL_WEEK },
    });
    overdueElsewhere = (await ask(who.asker.agent, space.help, 'Overdue in the main help space')).id;
    await askedAgo(overdueElsewhere, 120);
    offeredLater = (await ask(who.asker.agent, dutySpace, 'Asked just now in the duty space')).id;
    offeredSoon = (await ask(who.asker.agent, dutySpace, 'Due in ten minutes in the duty space')).id;
    await askedAgo(offeredSoon, 50);
    assignedInDutySpace = (await ask(who.asker.agent, dutySpace, 'Someone has this one already')).id;
    await who.staff.agent.data(ASSIGN, {
      input: { threadId: assignedInDutySpace, assigneeId: who.staff.id },
    });
  });

  it('offers a manager on duty the unassigned threads of their space first, then by deadline as usual', async () => {
    const { slaQueue } = await who.moderator.agent.data(QUEUE, { first: 10 });
    expect(ids(slaQueue)).toEqual([offeredSoon, offeredLater, overdueElsewhere, assignedInDutySpace]);
    expect(slaQueue.totalCount).toBe(4);
    expect(slaQueue.edges[0].node.offeredTo).toEqual([{ id: who.moderator.id }]);
    // The UNASSIGNED view: the same preference, without the assigned thread.
    expect(ids((await who.moderator.agent.data(QUEUE, { first: 10, view: 'UNASSIGNED' })).slaQueue)).toEqual([
      offeredSoon,
      offeredLater,
      overdueElsewhere,
    ]);
  });

  it('shows someone off duty the usual order: overdue first, then the nearest deadline', async () => {
    const { slaQueue } = await who.staff.agent.data(QUEUE, { first: 10 });
    expect(ids(slaQueue)).toEqual([overdueElsewhere, offeredSoon, offeredLater, assignedInDutySpace]);
  });

  it('paginates without skipping or repeating a thread, on duty and off', async () => {
    for (const first of [1, 2, 3]) {
      expect(await walk(who.moderator.agent, first)).toEqual([
        offeredSoon,
        offeredLater,
        overdueElsewhere,
        assignedInDutySpace,
      ]);
      expect(await walk(who.staff.agent, first)).toEqual([
        overdueElsewhere,
        offeredSoon,
        offeredLater,
        assignedInDutySpace,
      ]);
    }
  });

  it('keeps one order through the pages of a walk even when the duty ends in between', async () => {
    const db = test.app.get(DataSource);
    let started: number | null = null;
    const asked: number[] = [];
    // On duty only at the instant the walk started: a shift ending while the manager pages.
    const onDutyIn = (asOf: Date) => {
      started ??= asOf.getTime();
      asked.push(asOf.getTime());
      return Promise.resolve(asOf.getTime() === started ? [dutySpace] : []);
    };
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      await new Promise((r) => setTimeout(r, 5)); // each page asked at a later instant
      const connection = await slaQueuePage(db, 1, after, 'ALL', who.moderator.id, onDutyIn);
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor!;
    }
    expect(seen).toEqual([offeredSoon, offeredLater, overdueElsewhere, assignedInDutySpace]);
    expect(new Set(asked)).toEqual(new Set([started]));
  });

  it('refuses a cursor of another shape', async () => {
    const old = Buffer.from(JSON.stringify([new Date().toISOString(), offeredSoon])).toString('base64url');
    const response = await who.moderator.agent.request(QUEUE, { first: 1, after: old });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});
