import { ThreadNoticesService } from '../threads/thread-notices.service';
import { codeOf, fieldOf, useCommunity } from '../testing/community';
import { ACCEPT, ask, reply, RESOLVE } from '../testing/threads-fixtures';
import { GraphQLAgent } from '../testing/test-app';

const { test, space, who } = useCommunity();

const THREAD_FIELDS = `id status publicState acknowledgement { at by { id displayName role } }
  sla { firstResponseAt firstResponseDueAt }
  assignee { id displayName }
  assignmentHistory { kind createdAt actor { id } assignee { id } previousAssignee { id } }
  viewerCanAssign viewerCanTake viewerCanRelease`;
const THREAD = `query ($id: ID!) { thread(id: $id) { ${THREAD_FIELDS} } }`;
const ASSIGN = `mutation ($input: AssignThreadInput!) { assignThread(input: $input) { ${THREAD_FIELDS} } }`;
const TAKE = `mutation ($input: ThreadIdInput!) { takeThread(input: $input) { ${THREAD_FIELDS} } }`;
const RELEASE = `mutation ($input: ThreadIdInput!) { releaseThread(input: $input) { ${THREAD_FIELDS} } }`;
const QUEUE = `query ($view: SlaQueueView) { slaQueue(first: 50, view: $view) { edges { node { id assignee { id } } } } }`;
const LOG = `{ moderationLog(first: 100) { edges { node { action targetId } } } }`;

const assign = (agent: GraphQLAgent, threadId: string, assigneeId: string) =>
  agent.request(ASSIGN, { input: { threadId, assigneeId } });
const take = (agent: GraphQLAgent, threadId: string) => agent.request(TAKE, { input: { threadId } });
const release = (agent: GraphQLAgent, threadId: string) => agent.request(RELEASE, { input: { threadId } });
const thread = async (agent: GraphQLAgent, id: string) => (await agent.data(THREAD, { id })).thread;
const queueIds = async (agent: GraphQLAgent, view: string) =>
  (await agent.data(QUEUE, { view })).slaQueue.edges.map((e: any) => e.node.id);

describe('assigning threads', () => {
  it('staff and moderators assign, hand over and release; experts take a free thread and release their own; members do none of it', async () => {
    const t = await ask(who.asker.agent, space.help, 'My parcel never arrived');
    expect(codeOf(await assign(who.member.agent, t.id, who.staff.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign(who.expert.agent, t.id, who.staff.id))).toBe('FORBIDDEN');
    expect(codeOf(await assign(who.visitor, t.id, who.staff.id))).toBe('UNAUTHENTICATED');
    const toMember = await assign(who.moderator.agent, t.id, who.member.id);
    expect([codeOf(toMember), fieldOf(toMember)]).toEqual(['BAD_USER_INPUT', 'assigneeId']);

    const assigned = (await assign(who.moderator.agent, t.id, who.staff.id)).data!.assignThread;
    expect(assigned.assignee).toEqual({ id: who.staff.id, displayName: 'Sarah Staff' });
    expect(codeOf(await assign(who.moderator.agent, t.id, who.staff.id))).toBe('CONFLICT');
    // An expert cannot take what someone has, nor release someone else's thread.
    expect(codeOf(await take(who.expert.agent, t.id))).toBe('FORBIDDEN');
    expect(codeOf(await release(who.expert.agent, t.id))).toBe('FORBIDDEN');
    expect(codeOf(await take(who.member.agent, t.id))).toBe('FORBIDDEN');

    const handedOver = (await assign(who.staff.agent, t.id, who.expert.id)).data!.assignThread;
    expect(handedOver.assignee.id).toBe(who.expert.id);
    const released = (await release(who.expert.agent, t.id)).data!.releaseThread;
    expect(released.assignee).toBeNull();
    expect(codeOf(await release(who.staff.agent, t.id))).toBe('CONFLICT');
    const taken = (await take(who.expert.agent, t.id)).data!.takeThread;
    expect(taken.assignee.id).toBe(who.expert.id);
    const takenBack = (await take(who.staff.agent, t.id)).data!.takeThread;
    expect(takenBack.assignee.id).toBe(who.staff.id);

    const history = (await thread(who.moderator.agent, t.id)).assignmentHistory;
    expect(
      history.map((e: any) => [e.kind, e.actor.id, e.assignee?.id ?? null, e.previousAssignee?.id ?? null]),
    ).toEqual([
      ['ASSIGNED', who.moderator.id, who.staff.id, null],
      ['HANDED_OVER', who.staff.id, who.expert.id, who.staff.id],
      ['RELEASED', who.expert.id, null, who.expert.id],
      ['TAKEN', who.expert.id, who.expert.id, null],
      ['TAKEN', who.staff.id, who.staff.id, who.expert.id],
    ]);
    expect(history.every((e: any) => typeof e.createdAt === 'string')).toBe(true);
  });

  it('the assignment stays internal: no public log entry, no assignee nor history for members, visitors or experts', async () => {
    const t = await ask(who.asker.agent, space.help, 'Refund still pending');
    await assign(who.moderator.agent, t.id, who.staff.id);
    expect((await who.visitor.data(LOG)).moderationLog.edges.some((e: any) => e.node.targetId === t.id)).toBe(
      false,
    );
    for (const agent of [who.visitor, who.asker.agent, who.member.agent, who.expert.agent]) {
      const seen = await thread(agent, t.id);
      expect(seen.assignee).toBeNull();
      expect(seen.assignmentHistory).toBeNull();
      expect(seen.viewerCanAssign).toBe(false);
    }
    // The assignee sees that the thread is theirs.
    expect((await thread(who.staff.agent, t.id)).assignee.id).toBe(who.staff.id);
  });

  it('tells the assignee at once, in the app and by e-mail by default', async () => {
    const t = await ask(who.asker.agent, space.help, 'Cannot change my address');
    await assign(who.moderator.agent, t.id, who.expert.id);
    const rows = await test.db.query(
      `SELECT user_id, actor_id, delivery FROM notifications WHERE kind = 'THREAD_ASSIGNED' AND subject_id = $1`,
      [t.id],
    );
    expect(rows).toEqual([{ user_id: who.expert.id, actor_id: who.moderator.id, delivery: 'EMAIL' }]);
    const { notificationGroups } = await who.expert.agent.data(
      `{ notificationGroups(kinds: [THREAD_ASSIGNED]) { subjectId thread { title } } }`,
    );
    expect(notificationGroups.filter((g: any) => g.subjectId === t.id)).toEqual([
      { subjectId: t.id, thread: { title: 'Cannot change my address' } },
    ]);
  });

  it('"Assigned to me" and "Unassigned" views of the SLA queue', async () => {
    const mine = await ask(who.asker.agent, space.help, 'Mine to answer');
    const theirs = await ask(who.asker.agent, space.help, 'The expert’s to answer');
    const nobodys = await ask(who.asker.agent, space.help, 'Nobody’s yet');
    await take(who.staff.agent, mine.id);
    await assign(who.staff.agent, theirs.id, who.expert.id);
    const assignedToMe = await queueIds(who.staff.agent, 'MINE');
    expect(assignedToMe).toContain(mine.id);
    expect(assignedToMe).not.toContain(theirs.id);
    expect(assignedToMe).not.toContain(nobodys.id);
    const unassigned = await queueIds(who.staff.agent, 'UNASSIGNED');
    expect(unassigned).toContain(nobodys.id);
    expect(unassigned).not.toContain(mine.id);
    expect(unassigned).not.toContain(theirs.id);
    expect(await queueIds(who.staff.agent, 'ALL')).toEqual(
      expect.arrayContaining([mine.id, theirs.id, nobodys.id]),
    );
  });

  it('a deadline about to be missed is told to the assignee rather than to every agent', async () => {
    const assigned = await ask(who.asker.agent, space.fast, 'Urgent and assigned');
    const free = await ask(who.asker.agent, space.fast, 'Urgent and free');
    await assign(who.moderator.agent, assigned.id, who.expert.id);
    await test.app.get(ThreadNoticesService).warnDeadlines(new Date(Date.now() + 60_000));
    const warned = await test.db.query(
      `SELECT subject_id, user_id, data->>'clock' AS clock FROM notifications
        WHERE kind = 'SLA_AT_RISK' AND subject_id = ANY($1) ORDER BY subject_id, clock`,
      [[assigned.id, free.id]],
    );
    // The assignment acknowledged the thread: only its answer clock is still running, and only the expert hears of it.
    expect(warned.filter((w: any) => w.subject_id === assigned.id)).toEqual([
      { subject_id: assigned.id, user_id: who.expert.id, clock: 'ANSWER' },
    ]);
    expect(
      warned
        .filter((w: any) => w.subject_id === free.id)
        .map((w: any) => [w.user_id, w.clock])
        .sort(),
    ).toEqual([
      [who.staff.id, 'ANSWER'],
      [who.staff.id, 'FIRST_RESPONSE'],
    ]);
  });
});

describe('acknowledged, in public', () => {
  it('an assignment acknowledges the thread for readers, stops the first-response clock, then answered and resolved follow', async () => {
    const t = await ask(who.asker.agent, space.help, 'Is the shop open on Sunday?');
    const before = await thread(who.visitor, t.id);
    expect([before.status, before.publicState, before.acknowledgement]).toEqual(['OPEN', 'OPEN', null]);
    await assign(who.moderator.agent, t.id, who.staff.id);
    const after = await thread(who.visitor, t.id);
    expect(after.status).toBe('OPEN');
    expect(after.publicState).toBe('ACKNOWLEDGED');
    expect(after.acknowledgement.by).toEqual({ id: who.staff.id, displayName: 'Sarah Staff', role: 'STAFF' });
    expect(after.acknowledgement.at).toBe(after.sla.firstResponseAt);
    // A later reply by someone else does not move the first response.
    const answer = await reply(who.expert.agent, t.id, 'Yes, from 10:00 to 13:00.');
    expect((await thread(who.visitor, t.id)).acknowledgement.by.id).toBe(who.staff.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect((await thread(who.visitor, t.id)).publicState).toBe('ANSWERED');
    await who.asker.agent.data(RESOLVE, { input: { threadId: t.id } });
    expect((await thread(who.visitor, t.id)).publicState).toBe('RESOLVED');
  });

  it('the first reply by staff acknowledges the thread in their name; a member’s reply does not', async () => {
    const t = await ask(who.asker.agent, space.help, 'Where is my invoice?');
    await reply(who.member.agent, t.id, 'Same question here.');
    expect((await thread(who.visitor, t.id)).publicState).toBe('OPEN');
    await reply(who.staff.agent, t.id, 'Looking into it now.');
    const seen = await thread(who.visitor, t.id);
    expect(seen.publicState).toBe('ACKNOWLEDGED');
    expect(seen.acknowledgement.by.id).toBe(who.staff.id);
    // An assignment after that keeps the first acknowledgement.
    await assign(who.moderator.agent, t.id, who.expert.id);
    expect((await thread(who.visitor, t.id)).acknowledgement.by.id).toBe(who.staff.id);
  });
});
