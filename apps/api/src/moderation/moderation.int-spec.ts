import { GraphQLAgent, signedInAs } from '../testing/test-app';
import { ACCEPT, ask, EDIT_POST, reply, REPLY, REOPEN, RESOLVE } from '../testing/threads-fixtures';
import { createIdeaSpace, MERGE, SET_STATUS, submitIdea } from '../testing/ideas-fixtures';
import { codeOf, fieldOf, useCommunity } from '../testing/community';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const MODERATED_POST = `id bodyHtml bodyMarkdown hidden { reason note at by { id displayName } }
  answered { id } answeredAt tone { label score } viewerHasFlagged viewerCanFlag viewerCanModerate viewerCanMarkAnswered`;
const FLAG = `mutation ($input: FlagInput!) { flag(input: $input) { id viewerHasFlagged } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { ${MODERATED_POST} } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { ${MODERATED_POST} } }`;
const DISMISS = `mutation ($input: ModeratePostInput!) { dismissFlags(input: $input) { id } }`;
const MARK = `mutation ($input: MarkAnsweredInput!) { markAnswered(input: $input) { ${MODERATED_POST} } }`;
const LOCK = `mutation ($input: LockThreadInput!) { lockThread(input: $input) { id locked lockReason } }`;
const UNLOCK = `mutation ($input: ModerateThreadInput!) { unlockThread(input: $input) { id locked lockReason } }`;
const PIN = `mutation ($input: ModerateThreadInput!) { pinThread(input: $input) { id pinned } }`;
const UNPIN = `mutation ($input: ModerateThreadInput!) { unpinThread(input: $input) { id pinned } }`;
const MOVE = `mutation ($input: MoveThreadInput!) { moveThread(input: $input) { id space { slug } } }`;
const POST = `query ($id: ID!) { thread(id: $id) { question { ${MODERATED_POST} } posts(first: 50) { edges { node { ${MODERATED_POST} } } } } }`;
const QUEUE = `{ moderationQueue { flagged { flagsCount reasons latestAt post { id } flags { reason note member { id } } }
  negativeUnanswered { id tone { label } } } }`;
const LOG = `query ($first: Int, $after: String, $targetId: ID) { moderationLog(first: $first, after: $after, targetId: $targetId) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id action targetType targetId rule reason threadId title details { key value } createdAt actor { id displayName role } } } } }`;
const PUBLISH = `mutation ($input: PublishCrisisBannerInput!) { publishCrisisBanner(input: $input) { id title bodyHtml thread { id pinned } publishedBy { displayName } } }`;
const TAKE_DOWN = `mutation ($input: TakeDownCrisisBannerInput!) { takeDownCrisisBanner(input: $input) { id takenDownAt } }`;
const BANNER = `{ crisisBanner { id title bodyHtml thread { id } } }`;

const logOf = async (targetId: string, agent: GraphQLAgent = who.visitor) =>
  (await agent.data(LOG, { first: 50, targetId })).moderationLog.edges.map((e: any) => e.node);
const logCount = async () =>
  Number((await test.db.query('SELECT count(*) FROM moderation_actions'))[0].count);
const postAs = async (agent: GraphQLAgent, threadId: string, postId: string) => {
  const { thread } = await agent.data(POST, { id: threadId });
  return [thread.question, ...thread.posts.edges.map((e: any) => e.node)].find((p) => p.id === postId);
};

describe('flagging a post', () => {
  it('any member flags a post once, under a charter rule; a second flag of theirs is a CONFLICT on targetId', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Somebody posted spam below');
    const spam = await reply(who.member.agent, thread.id, 'Buy cheap watches at example.com!!!');
    const { flag } = await who.asker.agent.data(FLAG, {
      input: { targetId: spam.id, reason: 'SPAM', note: 'Advertising' },
    });
    expect(flag).toEqual({ id: spam.id, viewerHasFlagged: true });
    const again = await who.asker.agent.request(FLAG, { input: { targetId: spam.id, reason: 'OFF_TOPIC' } });
    expect([codeOf(again), fieldOf(again)]).toEqual(['CONFLICT', 'targetId']);
    expect(
      await test.db.query('SELECT reason, note, resolved_at FROM flags WHERE post_id = $1', [spam.id]),
    ).toEqual([{ reason: 'SPAM', note: 'Advertising', resolved_at: null }]);
  });

  it('shows on the thread page to its author only, and no more once a moderator has dealt with it', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Flags seen from the thread page');
    const first = await reply(who.member.agent, thread.id, 'Visit my shop at example.com');
    const second = await reply(who.member.agent, thread.id, 'And my other shop too');
    for (const postId of [first.id, second.id])
      await who.asker.agent.data(FLAG, { input: { targetId: postId, reason: 'SPAM' } });
    const flagged = async (agent: GraphQLAgent) =>
      (await Promise.all([first.id, second.id].map((id) => postAs(agent, thread.id, id)))).map(
        (post) => post.viewerHasFlagged,
      );
    expect(await flagged(who.asker.agent)).toEqual([true, true]);
    expect(await flagged(who.expert.agent)).toEqual([false, false]);
    expect(await flagged(who.visitor)).toEqual([false, false]);

    await who.moderator.agent.data(DISMISS, { input: { postId: first.id } });
    expect(await flagged(who.asker.agent)).toEqual([false, true]);
  });

  it('needs a charter rule: without one it is BAD_USER_INPUT on reason, and nothing is written', async () => {
    const thread = await ask(who.asker.agent, space.help, 'I disagree with the brand’s new prices');
    for (const input of [{ targetId: thread.question.id }, { targetId: thread.question.id, reason: null }]) {
      const result = await who.member.agent.request(FLAG, { input });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'reason']);
      expect(result.errors![0].message).toMatch(/disagreeing with the brand is not a reason/);
    }
    const long = await who.member.agent.request(FLAG, {
      input: { targetId: thread.question.id, reason: 'OTHER', note: 'x'.repeat(501) },
    });
    expect([codeOf(long), fieldOf(long)]).toEqual(['BAD_USER_INPUT', 'note']);
    expect(await test.db.query('SELECT id FROM flags WHERE post_id = $1', [thread.question.id])).toEqual([]);
  });

  it('is for signed-in members, on posts of others', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A question nobody should flag');
    expect(
      codeOf(await who.visitor.request(FLAG, { input: { targetId: thread.question.id, reason: 'SPAM' } })),
    ).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await who.asker.agent.request(FLAG, { input: { targetId: thread.question.id, reason: 'SPAM' } }),
      ),
    ).toBe('FORBIDDEN');
    // Held below the API too: a flag of one's own post written by hand is refused.
    await expect(
      test.db.query(`INSERT INTO flags (post_id, member_id, reason) VALUES ($1, $2, 'SPAM')`, [
        thread.question.id,
        who.asker.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'flags_not_own_post_check' });
    expect(await test.db.query('SELECT id FROM flags WHERE post_id = $1', [thread.question.id])).toEqual([]);
    expect(
      codeOf(
        await who.member.agent.request(FLAG, {
          input: { targetId: '00000000-0000-4000-8000-000000000000', reason: 'SPAM' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('is rate limited: the 11th flag within an hour is RATE_LIMITED', async () => {
    const flagger = await signedInAs(test, 'MEMBER', 'Flo Flagger');
    const thread = await ask(who.asker.agent, space.help, 'A thread with many replies to flag');
    const replies = [];
    for (let i = 0; i < 11; i++) replies.push(await reply(who.member.agent, thread.id, `Reply number ${i}`));
    for (const post of replies.slice(0, 10))
      await flagger.agent.data(FLAG, { input: { targetId: post.id, reason: 'OFF_TOPIC' } });
    expect(
      codeOf(await flagger.agent.request(FLAG, { input: { targetId: replies[10].id, reason: 'OFF_TOPIC' } })),
    ).toBe('RATE_LIMITED');
  });
});

describe('hiding and restoring a post', () => {
  let threadId: string;
  let postId: string;
  beforeAll(async () => {
    threadId = (await ask(who.asker.agent, space.help, 'Where is my parcel?')).id;
    postId = (await reply(who.member.agent, threadId, 'Call my neighbour at 06 12 34 56 78, he knows.')).id;
    await who.asker.agent.data(FLAG, { input: { targetId: postId, reason: 'PERSONAL_DATA' } });
  });

  it('a member cannot hide a post, nor can staff: FORBIDDEN, and the post stays visible', async () => {
    for (const agent of [who.asker.agent, who.expert.agent, who.staff.agent]) {
      expect(codeOf(await agent.request(HIDE, { input: { postId, reason: 'PERSONAL_DATA' } }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(codeOf(await who.visitor.request(HIDE, { input: { postId, reason: 'PERSONAL_DATA' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await postAs(who.visitor, threadId, postId)).hidden).toBeNull();
  });

  it('a moderator cannot hide without a charter reason: BAD_USER_INPUT on reason, nothing hidden, nothing logged', async () => {
    const before = await logCount();
    const result = await who.moderator.agent.request(HIDE, { input: { postId } });
    expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect((await postAs(who.moderator.agent, threadId, postId)).hidden).toBeNull();
    expect(await logCount()).toBe(before);
  });

  it('hiding leaves a public notice: visitors and other members see who, when and which rule, not the text', async () => {
    const { hidePost } = await who.moderator.agent.data(HIDE, {
      input: { postId, reason: 'PERSONAL_DATA', note: 'Phone numbers stay private.' },
    });
    expect(hidePost.hidden).toMatchObject({
      reason: 'PERSONAL_DATA',
      note: 'Phone numbers stay private.',
      by: { id: who.moderator.id },
    });
    for (const agent of [who.visitor, who.asker.agent, who.staff.agent]) {
      const seen = await postAs(agent, threadId, postId);
      expect(seen).toMatchObject({
        bodyHtml: '',
        bodyMarkdown: '',
        hidden: { reason: 'PERSONAL_DATA', by: { displayName: 'Malik Moderator' } },
      });
      expect(JSON.stringify(seen)).not.toContain('06 12 34');
    }
  });

  it('the author and moderators still see the text of a hidden post, with the notice', async () => {
    for (const agent of [who.member.agent, who.moderator.agent]) {
      const seen = await postAs(agent, threadId, postId);
      expect(seen.bodyMarkdown).toBe('Call my neighbour at 06 12 34 56 78, he knows.');
      expect(seen.hidden.reason).toBe('PERSONAL_DATA');
    }
  });

  it('hiding resolves the open flags, and a hidden post cannot be flagged or hidden again', async () => {
    expect(
      await test.db.query('SELECT resolution, resolved_by_id FROM flags WHERE post_id = $1', [postId]),
    ).toEqual([{ resolution: 'HIDDEN', resolved_by_id: who.moderator.id }]);
    expect(
      codeOf(await who.expert.agent.request(FLAG, { input: { targetId: postId, reason: 'SPAM' } })),
    ).toBe('CONFLICT');
    expect(codeOf(await who.moderator.agent.request(HIDE, { input: { postId, reason: 'SPAM' } }))).toBe(
      'CONFLICT',
    );
  });

  it('restoring brings the text back for everyone, and the log keeps both actions', async () => {
    const { restorePost } = await who.moderator.agent.data(RESTORE, { input: { postId } });
    expect(restorePost.hidden).toBeNull();
    expect((await postAs(who.visitor, threadId, postId)).bodyMarkdown).toBe(
      'Call my neighbour at 06 12 34 56 78, he knows.',
    );
    const log = await logOf(postId);
    expect(log.map((a: any) => [a.action, a.rule, a.actor.displayName])).toEqual([
      ['POST_RESTORED', 'PERSONAL_DATA', 'Malik Moderator'],
      ['POST_HIDDEN', 'PERSONAL_DATA', 'Malik Moderator'],
    ]);
    expect(log[1]).toMatchObject({
      targetType: 'POST',
      reason: 'Phone numbers stay private.',
      threadId,
      title: 'Where is my parcel?',
    });
    expect(JSON.stringify(log)).not.toContain('06 12 34');
    expect(codeOf(await who.moderator.agent.request(RESTORE, { input: { postId } }))).toBe('CONFLICT');
    expect(codeOf(await who.staff.agent.request(RESTORE, { input: { postId } }))).toBe('FORBIDDEN');
  });

  it('moderators dismiss flags on a post that breaks no rule: the flags close, the post stays, the log says so', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Your prices are too high and I say so');
    await who.member.agent.data(FLAG, {
      input: { targetId: thread.question.id, reason: 'OTHER', note: 'I do not like this' },
    });
    expect(codeOf(await who.member.agent.request(DISMISS, { input: { postId: thread.question.id } }))).toBe(
      'FORBIDDEN',
    );
    await who.moderator.agent.data(DISMISS, { input: { postId: thread.question.id } });
    expect(
      await test.db.query('SELECT resolution FROM flags WHERE post_id = $1', [thread.question.id]),
    ).toEqual([{ resolution: 'DISMISSED' }]);
    expect((await logOf(thread.question.id)).map((a: any) => a.action)).toEqual(['FLAGS_DISMISSED']);
    expect(
      codeOf(await who.moderator.agent.request(DISMISS, { input: { postId: thread.question.id } })),
    ).toBe('CONFLICT');
  });
});

describe('marking a post answered', () => {
  let threadId: string;
  let complaintId: string;
  let answerId: string;
  beforeAll(async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Third delivery delayed, this is unacceptable',
      'I am really not happy: nobody answers my e-mails. Terrible service!',
    );
    threadId = thread.id;
    complaintId = thread.question.id;
    answerId = (
      await reply(
        who.staff.agent,
        threadId,
        'Hello, I am Sarah from the delivery team: your parcel leaves today, and we refund the shipping.',
      )
    ).id;
  });

  it('members cannot mark a post answered; experts, staff and moderators can', async () => {
    const input = { postId: complaintId, answerPostId: answerId };
    expect(codeOf(await who.member.agent.request(MARK, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await who.asker.agent.request(MARK, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await who.visitor.request(MARK, { input }))).toBe('UNAUTHENTICATED');
    const { markAnswered } = await who.staff.agent.data(MARK, { input });
    expect(markAnswered).toMatchObject({ answered: { id: answerId } });
    expect(markAnswered.answeredAt).not.toBeNull();
  });

  it('the mark is shown to everyone, with a link to the answer, and logged with the marker’s name', async () => {
    expect((await postAs(who.visitor, threadId, complaintId)).answered).toEqual({ id: answerId });
    const [entry] = await logOf(complaintId);
    expect(entry).toMatchObject({
      action: 'POST_MARKED_ANSWERED',
      threadId,
      actor: { displayName: 'Sarah Staff', role: 'STAFF' },
    });
    expect(entry.details).toEqual(expect.arrayContaining([{ key: 'answerPostId', value: answerId }]));
  });

  it('the answer must be another reply of the same thread', async () => {
    const other = await ask(who.asker.agent, space.help, 'Another thread entirely');
    const elsewhere = await reply(who.staff.agent, other.id, 'An answer elsewhere');
    const cases = [
      [{ postId: complaintId, answerPostId: elsewhere.id }, 'answerPostId'],
      [{ postId: answerId, answerPostId: answerId }, 'answerPostId'],
      [{ postId: answerId, answerPostId: complaintId }, 'answerPostId'],
      [{ postId: complaintId, answerPostId: 'not-an-id' }, 'answerPostId'],
    ] as const;
    for (const [input, field] of cases) {
      const result = await who.moderator.agent.request(MARK, { input });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });
});

describe('resolving, reopening and accepting on someone else’s thread is logged', () => {
  it('a moderator resolving and reopening, an expert marking the accepted answer: three log entries; the asker resolving: none', async () => {
    const thread = await ask(who.asker.agent, space.help, 'My card is refused everywhere');
    const answer = await reply(who.member.agent, thread.id, 'Enable online payments in your profile.');
    await who.expert.agent.data(ACCEPT, { input: { postId: answer.id } });
    await who.moderator.agent.data(RESOLVE, { input: { threadId: thread.id } });
    await who.moderator.agent.data(REOPEN, { input: { threadId: thread.id } });
    await who.asker.agent.data(RESOLVE, { input: { threadId: thread.id } });
    const log = await logOf(thread.id);
    expect(log.map((a: any) => [a.action, a.actor.displayName])).toEqual([
      ['THREAD_REOPENED', 'Malik Moderator'],
      ['THREAD_RESOLVED', 'Malik Moderator'],
      ['ANSWER_ACCEPTED', 'Eva Expert'],
    ]);
  });
});

describe('locking, pinning and moving threads', () => {
  let threadId: string;
  beforeAll(async () => {
    threadId = (await ask(who.asker.agent, space.help, 'A heated discussion about the outage')).id;
  });

  it('only moderators lock, and only with a reason', async () => {
    expect(codeOf(await who.staff.agent.request(LOCK, { input: { threadId, reason: 'Too heated' } }))).toBe(
      'FORBIDDEN',
    );
    const noReason = await who.moderator.agent.request(LOCK, { input: { threadId, reason: '  ' } });
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
  });

  it('a locked thread stays readable and accepts no reply; unlocking opens it again; both are logged', async () => {
    const { lockThread } = await who.moderator.agent.data(LOCK, {
      input: { threadId, reason: 'Continued in the pinned outage thread' },
    });
    expect(lockThread).toMatchObject({ locked: true, lockReason: 'Continued in the pinned outage thread' });
    expect(
      codeOf(await who.member.agent.request(REPLY, { input: { threadId, bodyMarkdown: 'Me too!' } })),
    ).toBe('CONFLICT');
    expect((await who.visitor.data(POST, { id: threadId })).thread.question.bodyMarkdown).toBeTruthy();
    expect((await who.moderator.agent.data(UNLOCK, { input: { threadId } })).unlockThread).toMatchObject({
      locked: false,
      lockReason: null,
    });
    await reply(who.member.agent, threadId, 'Thanks for reopening.');
    expect((await logOf(threadId)).map((a: any) => [a.action, a.reason])).toEqual([
      ['THREAD_UNLOCKED', null],
      ['THREAD_LOCKED', 'Continued in the pinned outage thread'],
    ]);
  });

  it('pins and unpins, logged; a second pin is a CONFLICT', async () => {
    expect(codeOf(await who.member.agent.request(PIN, { input: { threadId } }))).toBe('FORBIDDEN');
    expect((await who.moderator.agent.data(PIN, { input: { threadId } })).pinThread.pinned).toBe(true);
    expect(codeOf(await who.moderator.agent.request(PIN, { input: { threadId } }))).toBe('CONFLICT');
    expect((await who.moderator.agent.data(UNPIN, { input: { threadId } })).unpinThread.pinned).toBe(false);
    expect((await logOf(threadId)).slice(0, 2).map((a: any) => a.action)).toEqual([
      'THREAD_UNPINNED',
      'THREAD_PINNED',
    ]);
  });

  it('moves a thread to another space, logging both spaces; never into or out of the idea box', async () => {
    expect(codeOf(await who.staff.agent.request(MOVE, { input: { threadId, spaceId: space.news } }))).toBe(
      'FORBIDDEN',
    );
    const intoIdeas = await who.moderator.agent.request(MOVE, { input: { threadId, spaceId: space.ideas } });
    expect([codeOf(intoIdeas), fieldOf(intoIdeas)]).toEqual(['BAD_USER_INPUT', 'spaceId']);
    expect(
      (await who.moderator.agent.data(MOVE, { input: { threadId, spaceId: space.news } })).moveThread.space
        .slug,
    ).toBe('news');
    const [moved] = await logOf(threadId);
    expect(moved.action).toBe('THREAD_MOVED');
    expect(moved.details).toEqual(
      expect.arrayContaining([
        { key: 'from', value: 'Help' },
        { key: 'to', value: 'News' },
      ]),
    );
  });
});

describe('the tone of posts', () => {
  it('is computed on every write and shown to staff and moderators only', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Service client inexistant',
      'Je suis très déçue, trois e-mails sans réponse. C’est inacceptable.',
      'fr',
    );
    const question = (agent: GraphQLAgent) =>
      agent.data(POST, { id: thread.id }).then((d) => d.thread.question.tone);
    expect(await question(who.staff.agent)).toMatchObject({ label: 'NEGATIVE' });
    expect((await question(who.moderator.agent)).score).toBeLessThan(-0.3);
    for (const agent of [who.visitor, who.member.agent, who.expert.agent, who.asker.agent])
      expect(await question(agent)).toBeNull();
    await who.asker.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'Problème réglé, merci beaucoup, super service !' },
    });
    expect(await question(who.staff.agent)).toMatchObject({ label: 'POSITIVE' });
  });
});

describe('the moderation queue', () => {
  it('is for moderators only', async () => {
    for (const agent of [who.member.agent, who.staff.agent])
      expect(codeOf(await agent.request(QUEUE))).toBe('FORBIDDEN');
    expect(codeOf(await who.visitor.request(QUEUE))).toBe('UNAUTHENTICATED');
  });

  it('groups open flags by post, most flagged first, with their reasons and notes', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A thread attracting insults');
    const insult = await reply(who.member.agent, thread.id, 'You are all idiots.');
    const once = await reply(who.member.agent, thread.id, 'Visit my shop.');
    await who.asker.agent.data(FLAG, { input: { targetId: insult.id, reason: 'INSULT', note: 'Rude' } });
    await who.expert.agent.data(FLAG, { input: { targetId: insult.id, reason: 'INSULT' } });
    await who.staff.agent.data(FLAG, { input: { targetId: insult.id, reason: 'OFF_TOPIC' } });
    await who.asker.agent.data(FLAG, { input: { targetId: once.id, reason: 'SPAM' } });
    const { flagged } = (await who.moderator.agent.data(QUEUE)).moderationQueue;
    const mine = flagged.filter((f: any) => [insult.id, once.id].includes(f.post.id));
    expect(mine.map((f: any) => [f.post.id, f.flagsCount, f.reasons])).toEqual([
      [insult.id, 3, ['INSULT', 'OFF_TOPIC']],
      [once.id, 1, ['SPAM']],
    ]);
    expect(mine[0].flags.map((f: any) => f.reason)).toEqual(['OFF_TOPIC', 'INSULT', 'INSULT']);
    expect(mine[0].flags[2]).toMatchObject({ note: 'Rude', member: { id: who.asker.id } });
  });

  it('surfaces negative unanswered posts, which leave the queue once marked answered', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Worst update ever',
      'The app is broken and nobody answers. Awful, I hate it!',
    );
    const official = await reply(
      who.staff.agent,
      thread.id,
      'Hello, this is Sarah: a fix ships tonight, and here is a workaround.',
    );
    const ids = async () =>
      (await who.moderator.agent.data(QUEUE)).moderationQueue.negativeUnanswered.map((p: any) => p.id);
    expect(await ids()).toContain(thread.question.id);
    await who.moderator.agent.data(MARK, {
      input: { postId: thread.question.id, answerPostId: official.id },
    });
    expect(await ids()).not.toContain(thread.question.id);
  });
});

describe('the negative posts of the queue', () => {
  it('leave out comments on ideas: a negative comment there is not a complaint waiting for the brand', async () => {
    await createIdeaSpace(test, 'queue-ideas');
    const idea = await submitIdea(who.member.agent);
    const [{ thread_id: threadId }] = await test.db.query('SELECT thread_id FROM ideas WHERE id = $1', [
      idea.id,
    ]);
    const comment = await reply(
      who.asker.agent,
      threadId,
      'Yes please, the morning queue is the worst, terrible part of my day.',
    );
    const { moderationQueue } = await who.moderator.agent.data(QUEUE);
    expect(moderationQueue.negativeUnanswered.map((p: any) => p.id)).not.toContain(comment.id);
    expect((await test.db.query('SELECT tone FROM posts WHERE id = $1', [comment.id]))[0].tone).toBe(
      'NEGATIVE',
    );
  });
});

describe('the public moderation log', () => {
  it('is readable by visitors, newest first, page by page', async () => {
    const first = (await who.visitor.data(LOG, { first: 2 })).moderationLog;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await who.visitor.data(LOG, { first: 2, after: first.pageInfo.endCursor })).moderationLog;
    expect(next.edges[0].node.id).not.toBe(first.edges[1].node.id);
    expect(new Date(next.edges[0].node.createdAt).getTime()).toBeLessThanOrEqual(
      new Date(first.edges[1].node.createdAt).getTime(),
    );
    expect(first.totalCount).toBe(await logCount());
    const bad = await who.visitor.request(LOG, { first: 2, after: 'garbage' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'after']);
    // Well-formed but forged: its values would not even cast in SQL.
    const forged = Buffer.from(JSON.stringify(['not a date', 'not an id'])).toString('base64url');
    const refused = await who.visitor.request(LOG, { first: 2, after: forged });
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'after']);
  });

  it('records role changes by admins, in the same transaction as the change', async () => {
    const admin = await signedInAs(test, 'ADMIN', 'Ada Admin');
    const target = await signedInAs(test, 'MEMBER', 'Paul Promoted');
    await admin.agent.data(`mutation ($input: SetRoleInput!) { setRole(input: $input) { id role } }`, {
      input: { userId: target.id, role: 'EXPERT' },
    });
    const [entry] = await logOf(target.id);
    expect(entry).toMatchObject({
      action: 'ROLE_CHANGED',
      targetType: 'USER',
      actor: { displayName: 'Ada Admin' },
    });
    expect(entry.details).toEqual(
      expect.arrayContaining([
        { key: 'from', value: 'MEMBER' },
        { key: 'to', value: 'EXPERT' },
      ]),
    );
  });

  it('records idea status changes and merges', async () => {
    await createIdeaSpace(test, 'idea-box');
    const idea = await submitIdea(who.member.agent);
    const duplicate = await submitIdea(who.asker.agent);
    await who.staff.agent.data(SET_STATUS, {
      input: { ideaId: idea.id, status: 'PLANNED', response: 'We will build it this spring.' },
    });
    await who.moderator.agent.data(MERGE, { input: { sourceId: duplicate.id, intoId: idea.id } });
    const [status] = await logOf(idea.id);
    expect(status).toMatchObject({
      action: 'IDEA_STATUS_CHANGED',
      targetType: 'IDEA',
      reason: 'We will build it this spring.',
      actor: { displayName: 'Sarah Staff' },
    });
    expect(status.details).toEqual(
      expect.arrayContaining([
        { key: 'from', value: 'NEW' },
        { key: 'to', value: 'PLANNED' },
      ]),
    );
    const [merge] = await logOf(duplicate.id);
    expect(merge).toMatchObject({ action: 'IDEA_MERGED', actor: { displayName: 'Malik Moderator' } });
    expect(merge.details).toEqual(expect.arrayContaining([{ key: 'intoIdeaId', value: idea.id }]));
  });
});

describe('the crisis banner', () => {
  it('a moderator publishes one statement, shown to everyone, pinning its discussion thread; a second is a CONFLICT', async () => {
    const thread = await ask(who.staff.agent, space.news, 'Outage of 23 November: what happened');
    const input = {
      title: 'Payment outage this morning',
      bodyMarkdown: 'Payments failed from 8:00 to 9:30. **No card was charged twice.**',
      threadId: thread.id,
    };
    expect(codeOf(await who.staff.agent.request(PUBLISH, { input }))).toBe('FORBIDDEN');
    const { publishCrisisBanner: banner } = await who.moderator.agent.data(PUBLISH, { input });
    expect(banner).toMatchObject({
      title: input.title,
      thread: { id: thread.id, pinned: true },
      publishedBy: { displayName: 'Malik Moderator' },
    });
    expect(banner.bodyHtml).toContain('<strong>No card was charged twice.</strong>');
    expect((await who.visitor.data(BANNER)).crisisBanner).toMatchObject({
      id: banner.id,
      thread: { id: thread.id },
    });
    expect(
      codeOf(await who.moderator.agent.request(PUBLISH, { input: { ...input, title: 'Another statement' } })),
    ).toBe('CONFLICT');

    await who.moderator.agent.data(TAKE_DOWN, { input: { bannerId: banner.id } });
    expect((await who.visitor.data(BANNER)).crisisBanner).toBeNull();
    expect(codeOf(await who.moderator.agent.request(TAKE_DOWN, { input: { bannerId: banner.id } }))).toBe(
      'CONFLICT',
    );
    expect((await logOf(banner.id)).map((a: any) => a.action)).toEqual([
      'BANNER_TAKEN_DOWN',
      'BANNER_PUBLISHED',
    ]);
    expect((await logOf(thread.id)).map((a: any) => a.action)).toEqual(['THREAD_PINNED']);
  });

  it('refuses a title that is too short, naming the field', async () => {
    const result = await who.moderator.agent.request(PUBLISH, { input: { title: 'Hi', bodyMarkdown: 'x' } });
    expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'title']);
  });
});

describe('the moderation side of a thread page', () => {
  /** A thread with `n` replies inserted directly; every third hidden, every fourth marked answered, every fifth flagged by the member. */
  const threadWith = async (n: number): Promise<string> => {
    const thread = await ask(who.asker.agent, space.help, `A long thread of ${n} replies`);
    const ids: { id: string }[] = await test.db.query(
      `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text, tone, tone_score, created_at)
       SELECT $1, $2, 'Reply ' || i, '<p>Reply ' || i || '</p>', 'Reply ' || i, 'NEGATIVE', -0.5, now() + i * interval '1 second'
       FROM generate_series(1, $3) AS i RETURNING id`,
      [thread.id, who.expert.id, n],
    );
    await test.db.query(`UPDATE threads SET replies_count = $2 WHERE id = $1`, [thread.id, n]);
    for (const [i, { id }] of ids.entries()) {
      if (i % 3 === 0)
        await test.db.query(
          `UPDATE posts SET hidden_at = now(), hidden_by_id = $2, hidden_reason = 'SPAM' WHERE id = $1`,
          [id, who.moderator.id],
        );
      if (i % 4 === 1)
        await test.db.query(
          `UPDATE posts SET answered_by_post_id = $2, answered_at = now(), answered_marked_by_id = $3 WHERE id = $1`,
          [id, ids[0].id, who.staff.id],
        );
      if (i % 5 === 2)
        await test.db.query(`INSERT INTO flags (post_id, member_id, reason) VALUES ($1, $2, 'SPAM')`, [
          id,
          who.member.id,
        ]);
    }
    return thread.id;
  };

  it('costs the same number of SQL statements for 5 replies as for 60: hidden notices, answered marks, tone and flags are batched', async () => {
    const page = `query ($id: ID!) { thread(id: $id) { posts(first: 100) { edges { node { ${MODERATED_POST} } } } } }`;
    const measure = async (id: string) => {
      const { result, queries } = await test.countQueries(() => who.member.agent.data(page, { id }));
      return { posts: result.thread.posts.edges.length, queries: queries.length };
    };
    const small = await measure(await threadWith(5));
    const large = await measure(await threadWith(60));
    expect([small.posts, large.posts]).toEqual([5, 60]);
    expect(large.queries).toBe(small.queries);
    console.info(
      `thread page with moderation fields: ${small.queries} SQL statements for 5 replies, ${large.queries} for 60`,
    );
  });
});
