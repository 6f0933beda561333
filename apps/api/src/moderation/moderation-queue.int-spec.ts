import { ask, REOPEN, reply, RESOLVE } from '../testing/threads-fixtures';
import { codeOf, fieldOf, useCommunity } from '../testing/community';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const FLAG = `mutation ($input: FlagInput!) { flag(input: $input) { id } }`;
const CONTEXT = `moderationContext { thread { id title space { id name } }
  previous { id isQuestion bodyHtml author { displayName } }
  laterReplies { id bodyHtml author { displayName } } }`;
const QUEUE = `{ moderationQueue {
  flagged { flagsCount reasons post { id ${CONTEXT} } flags { reason note member { id } } }
  negativeUnanswered { id tone { label score } ${CONTEXT} } } }`;
const POST_CONTEXT = `query ($id: ID!) { thread(id: $id) { question { id moderationContext { thread { id } } } } }`;

/** The machine-readable reason of an answer's first error (extensions.reason). */
const reasonOf = (result: { errors?: { extensions?: object }[] }) =>
  (result.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason;

describe('the items of the moderation queue carry their context', () => {
  it('a flagged reply: its thread’s title and space, the message before it, its flags grouped with reasons and notes', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Delivery lost in Lyon', 'Where is my parcel?');
    const first = await reply(who.expert.agent, thread.id, 'Check the tracking page first.');
    const insult = await reply(who.member.agent, thread.id, 'Only idiots use tracking pages.');
    await who.asker.agent.data(FLAG, { input: { targetId: insult.id, reason: 'INSULT', note: 'Rude' } });
    await who.expert.agent.data(FLAG, { input: { targetId: insult.id, reason: 'INSULT' } });

    const { flagged } = (await who.moderator.agent.data(QUEUE)).moderationQueue;
    const item = flagged.find((f: any) => f.post.id === insult.id);
    expect(item).toMatchObject({ flagsCount: 2, reasons: ['INSULT'] });
    expect(item.flags.map((f: any) => [f.reason, f.note])).toEqual([
      ['INSULT', null],
      ['INSULT', 'Rude'],
    ]);
    const context = item.post.moderationContext;
    expect(context.thread).toEqual({
      id: thread.id,
      title: 'Delivery lost in Lyon',
      space: { id: space.help, name: 'Help' },
    });
    expect(context.previous).toMatchObject({
      id: first.id,
      isQuestion: false,
      author: { displayName: 'Eva Expert' },
    });
    expect(context.previous.bodyHtml).toContain('Check the tracking page first.');
  });

  it('a negative question: the question has no message before it; the replies after it by others are its possible answers', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Terrible support',
      'Awful service, I hate this broken app, worst purchase ever!',
    );
    const item = async () =>
      (await who.moderator.agent.data(QUEUE)).moderationQueue.negativeUnanswered.find(
        (p: any) => p.id === thread.question.id,
      );
    const before = await item();
    expect(before.tone.label).toBe('NEGATIVE');
    expect(before.moderationContext.previous).toBeNull();
    expect(before.moderationContext.laterReplies).toEqual([]);

    // The complainer adding to their own complaint is not an answer.
    await reply(who.asker.agent, thread.id, 'Still nothing, awful.');
    const answer = await reply(who.staff.agent, thread.id, 'Hello, Sarah here: a fix ships tonight.');
    const after = await item();
    expect(after.moderationContext.laterReplies.map((p: any) => [p.id, p.author.displayName])).toEqual([
      [answer.id, 'Sarah Staff'],
    ]);
  });

  it('is for moderators only: null for everyone else', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A quiet question');
    for (const agent of [who.visitor, who.member.agent, who.staff.agent, who.asker.agent]) {
      const { thread: seen } = await agent.data(POST_CONTEXT, { id: thread.id });
      expect(seen.question.moderationContext).toBeNull();
    }
    const { thread: seen } = await who.moderator.agent.data(POST_CONTEXT, { id: thread.id });
    expect(seen.question.moderationContext).toEqual({ thread: { id: thread.id } });
  });
});

describe('resolving a thread with a complaint nobody has answered', () => {
  it('is refused to a moderator with CONFLICT on threadId (reason UNANSWERED_COMPLAINT) until someone answers', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'This product is a scam',
      'Awful, broken, I hate it. Worst purchase ever!',
    );
    const refused = await who.moderator.agent.request(RESOLVE, { input: { threadId: thread.id } });
    expect([codeOf(refused), fieldOf(refused), reasonOf(refused)]).toEqual([
      'CONFLICT',
      'threadId',
      'UNANSWERED_COMPLAINT',
    ]);
    expect((await test.db.query('SELECT status FROM threads WHERE id = $1', [thread.id]))[0].status).toBe(
      'OPEN',
    );

    await reply(who.staff.agent, thread.id, 'Hello, Sarah here: here is what we can do.');
    expect(
      (await who.moderator.agent.data(RESOLVE, { input: { threadId: thread.id } })).resolveThread.status,
    ).toBe('RESOLVED');
  });

  it('a negative reply without an answer blocks it too; the asker may still close their own question', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Which size for the Malm bed?');
    await reply(who.member.agent, thread.id, 'Awful furniture, broken after a week, I hate it!');
    const refused = await who.moderator.agent.request(RESOLVE, { input: { threadId: thread.id } });
    expect(reasonOf(refused)).toBe('UNANSWERED_COMPLAINT');
    expect(
      (await who.asker.agent.data(RESOLVE, { input: { threadId: thread.id } })).resolveThread.status,
    ).toBe('RESOLVED');
  });
});

describe('the database holds the same rule for every writer', () => {
  const resolveBySql = (threadId: string, resolverId: string | null) =>
    test.db.query(`UPDATE threads SET status = 'RESOLVED', resolved_by_id = $2 WHERE id = $1`, [
      threadId,
      resolverId,
    ]);
  const refused = { driverError: { code: '23514', constraint: 'threads_resolve_answered_complaints_check' } };

  it('refuses a resolve typed in SQL by anyone but the asker while a complaint has no answer', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Refund refused',
      'Awful service, I hate it. A scam!',
    );
    await expect(resolveBySql(thread.id, who.moderator.id)).rejects.toMatchObject(refused);
    await expect(resolveBySql(thread.id, null)).rejects.toMatchObject(refused);
    // The complainer writing again answers nothing.
    await reply(who.asker.agent, thread.id, 'Still nobody from the shop, awful.');
    await expect(resolveBySql(thread.id, who.moderator.id)).rejects.toMatchObject(refused);
    await resolveBySql(thread.id, who.asker.id);
    expect((await test.db.query('SELECT status FROM threads WHERE id = $1', [thread.id]))[0].status).toBe(
      'RESOLVED',
    );
  });

  it('lets it through once someone else answered, and records who resolved until it is reopened', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Broken again',
      'Awful, broken, I hate this blender!',
    );
    await reply(who.expert.agent, thread.id, 'Sorry to hear it: the warranty covers this, here is how.');
    await who.moderator.agent.data(RESOLVE, { input: { threadId: thread.id } });
    const resolvedBy = async () =>
      (await test.db.query('SELECT resolved_by_id FROM threads WHERE id = $1', [thread.id]))[0]
        .resolved_by_id;
    expect(await resolvedBy()).toBe(who.moderator.id);
    await who.moderator.agent.data(REOPEN, { input: { threadId: thread.id } });
    expect(await resolvedBy()).toBeNull();
    await expect(
      test.db.query(`UPDATE threads SET resolved_by_id = $2 WHERE id = $1`, [thread.id, who.moderator.id]),
    ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'threads_resolved_by_check' } });
  });
});

describe('the cost of the queue', () => {
  it('costs the same number of SQL statements for a few items as for many, context included', async () => {
    const complain = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const thread = await ask(who.member.agent, space.help, `Broken order ${i}`, 'Where is it?');
        const bad = await reply(who.asker.agent, thread.id, `Awful, I hate this broken shop ${i}!`);
        await reply(who.staff.agent, thread.id, `Hello, Sarah here, looking into order ${i}.`);
        await who.expert.agent.data(FLAG, { input: { targetId: bad.id, reason: 'OTHER', note: `n${i}` } });
      }
    };
    const measure = async () => {
      const { result, queries } = await test.countQueries(() => who.moderator.agent.data(QUEUE));
      const { flagged, negativeUnanswered } = result.moderationQueue;
      return { items: flagged.length + negativeUnanswered.length, queries: queries.length };
    };
    await complain(1);
    const small = await measure();
    await complain(3);
    const large = await measure();
    expect(large.items).toBeGreaterThanOrEqual(small.items + 6);
    expect(large.queries).toBe(small.queries);
    console.info(
      `moderation queue with context: ${small.queries} SQL statements for ${small.items} items, ${large.queries} for ${large.items}`,
    );
  });
});
