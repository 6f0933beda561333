import { ACCEPT, ask, reply, REPLY } from '../testing/threads-fixtures';
import { useCommunity, codeOf } from '../testing/community';

const QUEUE = `query ($first: Int, $after: String) { slaQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title sla { breached nextDueAt firstResponseBreached answerBreached } } } } }`;
const THREADS = `query ($spaceId: ID, $status: ThreadStatus, $unanswered: Boolean, $sort: ThreadSort, $first: Int, $after: String) {
  threads(spaceId: $spaceId, status: $status, unanswered: $unanswered, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title status repliesCount } } } }`;
const START = `mutation ($input: StartPrivateFollowUpInput!) { startPrivateFollowUp(input: $input) { id agent { displayName } asker { id } messages { bodyHtml author { displayName } } } }`;
const SEND = `mutation ($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { bodyMarkdown author { id } } }`;
const FOLLOW_UP = `query ($id: ID!) { privateFollowUp(id: $id) { id thread { id } messages { bodyMarkdown } } }`;
const NOTICE = `query ($id: ID!) { thread(id: $id) { status viewerCanReply privateFollowUp { agent { displayName role } startedAt followUpId } } }`;

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
/** Moves a thread's clocks as if it had been asked `minutes` ago. */
async function askedAgo(threadId: string, minutes: number, firstResponseMinutes = 60, answerMinutes = 1440) {
  await test.db.query(`UPDATE threads SET first_response_due_at = $2, answer_due_at = $3 WHERE id = $1`, [
    threadId,
    minutesFromNow(firstResponseMinutes - minutes),
    minutesFromNow(answerMinutes - minutes),
  ]);
}

describe('answer clocks', () => {
  it('say a clock ran out when the first response is late, and which one', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Overdue question');
    await askedAgo(thread.id, 90);
    const { thread: seen } = await who.visitor.data(
      `query ($id: ID!) { thread(id: $id) { sla { breached firstResponseBreached answerBreached } } }`,
      { id: thread.id },
    );
    expect(seen.sla).toEqual({ breached: true, firstResponseBreached: true, answerBreached: false });
  });

  it('stay breached after a late answer, and are met by an answer in time', async () => {
    const late = await ask(who.asker.agent, space.help, 'Late answer');
    await askedAgo(late.id, 25 * 60);
    const lateAnswer = await reply(who.expert.agent, late.id);
    const { acceptAnswer } = await who.asker.agent.data(ACCEPT, { input: { postId: lateAnswer.id } });
    expect(acceptAnswer.sla).toMatchObject({
      firstResponseBreached: true,
      answerBreached: true,
      breached: true,
      nextDueAt: null,
    });

    const quick = await ask(who.asker.agent, space.help, 'Quick answer');
    const answer = await reply(who.expert.agent, quick.id);
    const { acceptAnswer: met } = await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect(met.sla).toMatchObject({ breached: false, nextDueAt: null });
  });
});

describe('the SLA queue', () => {
  it('lists open help threads to staff, overdue first, then by the nearest deadline; answered threads leave it', async () => {
    const queue = test;
    await queue.db.query(`UPDATE threads SET status = 'RESOLVED' WHERE status = 'OPEN'`);
    const soon = await ask(who.asker.agent, space.help, 'Due in ten minutes');
    await askedAgo(soon.id, 50);
    const overdue = await ask(who.asker.agent, space.help, 'Overdue by an hour');
    await askedAgo(overdue.id, 120);
    const later = await ask(who.asker.agent, space.help, 'Acknowledged, answer due later');
    await reply(who.staff.agent, later.id, 'Looking into it.');
    const fresh = await ask(who.asker.agent, space.help, 'Just asked');
    const answered = await ask(who.asker.agent, space.help, 'Answered already');
    const answer = await reply(who.member.agent, answered.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    await ask(who.staff.agent, space.news, 'An announcement has no clock');

    const { slaQueue } = await who.staff.agent.data(QUEUE, { first: 10 });
    expect(slaQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      overdue.id,
      soon.id,
      fresh.id,
      later.id,
    ]);
    expect(slaQueue.edges[0].node.sla.breached).toBe(true);
    expect(slaQueue.edges[1].node.sla.breached).toBe(false);
    expect(slaQueue.totalCount).toBe(4);

    const page1 = (await who.moderator.agent.data(QUEUE, { first: 2 })).slaQueue;
    const page2 = (await who.moderator.agent.data(QUEUE, { first: 2, after: page1.pageInfo.endCursor }))
      .slaQueue;
    expect([...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual([
      overdue.id,
      soon.id,
      fresh.id,
      later.id,
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('is for staff and moderators only', async () => {
    expect(codeOf(await who.member.agent.request(QUEUE))).toBe('FORBIDDEN');
    expect(codeOf(await who.expert.agent.request(QUEUE))).toBe('FORBIDDEN');
    expect(codeOf(await who.visitor.request(QUEUE))).toBe('UNAUTHENTICATED');
  });
});

describe('listing threads', () => {
  it('filters by space, status and "unanswered", pinned first, by last activity or newest, page by page', async () => {
    const [listSpace] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind) VALUES ('list', 'List', 'HELP') RETURNING id`,
    );
    const a = await ask(who.asker.agent, listSpace.id, 'Thread A');
    const b = await ask(who.asker.agent, listSpace.id, 'Thread B');
    const c = await ask(who.asker.agent, listSpace.id, 'Thread C');
    const d = await ask(who.asker.agent, listSpace.id, 'Thread D');
    const answerOnA = await reply(who.member.agent, a.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answerOnA.id } });
    await test.db.query(`UPDATE threads SET pinned = true WHERE id = $1`, [b.id]);
    const ids = async (vars: Record<string, unknown>) =>
      (await who.visitor.data(THREADS, { spaceId: listSpace.id, ...vars })).threads.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );

    expect(await ids({})).toEqual([b.id, a.id, d.id, c.id]);
    expect(await ids({ sort: 'NEWEST' })).toEqual([b.id, d.id, c.id, a.id]);
    expect(await ids({ status: 'ANSWERED' })).toEqual([a.id]);
    expect(await ids({ unanswered: true })).toEqual([b.id, d.id, c.id]);

    const page1 = (await who.visitor.data(THREADS, { spaceId: listSpace.id, first: 3 })).threads;
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const page2 = (
      await who.visitor.data(THREADS, { spaceId: listSpace.id, first: 3, after: page1.pageInfo.endCursor })
    ).threads;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([c.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('tells each filter’s total from the kept counts, equal to the threads counted, through replies, answers and moves', async () => {
    const [from] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind) VALUES ('counted', 'Counted', 'HELP') RETURNING id`,
    );
    const [to] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind) VALUES ('counted-too', 'Counted too', 'HELP') RETURNING id`,
    );
    const threads = [];
    for (const title of ['Thread one', 'Thread two', 'Thread three', 'Thread four'])
      threads.push(await ask(who.asker.agent, from.id, title));
    const answer = await reply(who.member.agent, threads[0].id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    await reply(who.member.agent, threads[1].id);
    await test.db.query(`UPDATE threads SET space_id = $2 WHERE id = $1`, [threads[2].id, to.id]);
    await test.db.query(`UPDATE threads SET status = 'RESOLVED' WHERE id = $1`, [threads[3].id]);

    const filters = [
      {},
      { spaceId: from.id },
      { spaceId: to.id },
      { spaceId: from.id, unanswered: true },
      { spaceId: from.id, status: 'ANSWERED' },
      { spaceId: from.id, status: 'RESOLVED', unanswered: true },
      { status: 'OPEN', unanswered: true },
    ];
    for (const filter of filters) {
      const { threads: listed } = await who.visitor.data(THREADS, { ...filter, first: 1 });
      const [{ count }] = await test.db.query(
        `SELECT count(*)::int AS count FROM threads
          WHERE ($1::uuid IS NULL OR space_id = $1) AND ($2::text IS NULL OR status = $2) AND (NOT $3 OR replies_count = 0)`,
        [filter.spaceId ?? null, filter.status ?? null, filter.unanswered ?? false],
      );
      expect({ filter, total: listed.totalCount }).toEqual({ filter, total: count });
    }
    expect((await who.visitor.data(THREADS, { spaceId: from.id })).threads.totalCount).toBe(3);
  });

  it('refuses a cursor from elsewhere and a malformed space id with BAD_USER_INPUT', async () => {
    expect(
      (await who.visitor.request(THREADS, { after: 'not-a-cursor' })).errors?.[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await who.visitor.request(THREADS, { spaceId: 'help' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'spaceId',
    });
    expect((await who.visitor.request(`{ thread(id: "nope") { id } }`)).errors?.[0].extensions).toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        field: 'id',
      },
    );
    expect(
      codeOf(await who.visitor.request(`{ thread(id: "00000000-0000-4000-8000-000000000000") { id } }`)),
    ).toBe('NOT_FOUND');
  });

  it('refuses a hand-made cursor of the right shape but wrong values as bad input, never as an internal error', async () => {
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const thread = await ask(who.asker.agent, space.help, 'Cursor target');
    const checks = [
      who.visitor.request(THREADS, { after: forged([true, 'not a date', 'x']) }),
      who.visitor.request(THREADS, {
        after: forged(['yes', new Date().toISOString(), '00000000-0000-4000-8000-000000000000']),
      }),
      who.visitor.request(
        `query ($id: ID!, $after: String) { thread(id: $id) { posts(after: $after) { totalCount } } }`,
        { id: thread.id, after: forged([1, 2]) },
      ),
      who.staff.agent.request(QUEUE, { after: forged([new Date().toISOString(), 'not-a-uuid']) }),
    ];
    for (const result of await Promise.all(checks))
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('private follow-up', () => {
  it('staff continue a case privately with the asker; the public thread shows a notice and stays open to replies', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Double charge on my card', 'I was charged twice.');
    const { startPrivateFollowUp: followUp } = await who.staff.agent.data(START, {
      input: { threadId: thread.id, bodyMarkdown: 'Hello, can you give me the **last 4 digits**?' },
    });
    expect(followUp).toMatchObject({
      agent: { displayName: 'Sarah Staff' },
      asker: { id: who.asker.id },
      messages: [
        {
          bodyHtml: '<p>Hello, can you give me the <strong>last 4 digits</strong>?</p>',
          author: { displayName: 'Sarah Staff' },
        },
      ],
    });

    const { thread: seenByVisitor } = await who.visitor.data(NOTICE, { id: thread.id });
    expect(seenByVisitor).toMatchObject({
      status: 'OPEN',
      privateFollowUp: { agent: { displayName: 'Sarah Staff', role: 'STAFF' }, followUpId: null },
    });
    expect((await who.asker.agent.data(NOTICE, { id: thread.id })).thread.privateFollowUp.followUpId).toBe(
      followUp.id,
    );
    await reply(who.member.agent, thread.id, 'Same here, following.');

    await who.asker.agent.data(SEND, {
      input: { followUpId: followUp.id, bodyMarkdown: 'It ends with 4821.' },
    });
    const { privateFollowUp } = await who.asker.agent.data(FOLLOW_UP, { id: followUp.id });
    expect(privateFollowUp.messages.map((m: { bodyMarkdown: string }) => m.bodyMarkdown)).toEqual([
      'Hello, can you give me the **last 4 digits**?',
      'It ends with 4821.',
    ]);
    expect((await who.moderator.agent.data(FOLLOW_UP, { id: followUp.id })).privateFollowUp.id).toBe(
      followUp.id,
    );
  });

  it('is read and written by the asker and staff only', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Private matter');
    const { startPrivateFollowUp: followUp } = await who.staff.agent.data(START, {
      input: { threadId: thread.id, bodyMarkdown: 'Let us talk privately.' },
    });
    for (const agent of [who.member.agent, who.expert.agent]) {
      expect(codeOf(await agent.request(FOLLOW_UP, { id: followUp.id }))).toBe('FORBIDDEN');
      expect(
        codeOf(await agent.request(SEND, { input: { followUpId: followUp.id, bodyMarkdown: 'Let me in' } })),
      ).toBe('FORBIDDEN');
    }
    expect(codeOf(await who.visitor.request(FOLLOW_UP, { id: followUp.id }))).toBe('UNAUTHENTICATED');
    const listed = async (agent: typeof who.member.agent) =>
      (
        await agent.data(`{ privateFollowUps(first: 50) { edges { node { id } } } }`)
      ).privateFollowUps.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await listed(who.asker.agent)).toContain(followUp.id);
    expect(await listed(who.staff.agent)).toContain(followUp.id);
    expect(await listed(who.member.agent)).not.toContain(followUp.id);
  });

  it('is started by staff only, and starting again continues the same conversation', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Another private matter');
    for (const agent of [who.asker.agent, who.member.agent, who.expert.agent]) {
      expect(
        codeOf(await agent.request(START, { input: { threadId: thread.id, bodyMarkdown: 'Private?' } })),
      ).toBe('FORBIDDEN');
    }
    const first = (await who.staff.agent.data(START, { input: { threadId: thread.id, bodyMarkdown: 'One' } }))
      .startPrivateFollowUp;
    const second = (
      await who.moderator.agent.data(START, { input: { threadId: thread.id, bodyMarkdown: 'Two' } })
    ).startPrivateFollowUp;
    expect(second.id).toBe(first.id);
    expect(second.messages).toHaveLength(2);
  });

  it('counts as the first response of the thread', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Acknowledged privately');
    await who.staff.agent.data(START, {
      input: { threadId: thread.id, bodyMarkdown: 'We are on it, privately.' },
    });
    const { thread: seen } = await who.visitor.data(
      `query ($id: ID!) { thread(id: $id) { sla { firstResponseAt } } }`,
      { id: thread.id },
    );
    expect(seen.sla.firstResponseAt).not.toBeNull();
  });

  it('refuses an unknown thread, an unknown follow-up and an empty message', async () => {
    expect(
      codeOf(
        await who.staff.agent.request(START, {
          input: { threadId: '00000000-0000-4000-8000-000000000000', bodyMarkdown: 'Hi' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await who.staff.agent.request(FOLLOW_UP, { id: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
    const thread = await ask(who.asker.agent, space.help, 'Empty private message');
    const result = await who.staff.agent.request(START, { input: { threadId: thread.id, bodyMarkdown: '' } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bodyMarkdown' });
    expect(
      codeOf(
        await who.member.agent.request(REPLY, {
          input: { threadId: thread.id, bodyMarkdown: 'still public' },
        }),
      ),
    ).toBeUndefined();
  });
});
