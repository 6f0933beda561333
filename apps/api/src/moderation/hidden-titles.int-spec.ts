import { GraphQLAgent, signedInAs } from '../testing/test-app';
import { NOTIFICATIONS, SET_STATUS, submitIdea, VOTE } from '../testing/ideas-fixtures';
import { ask } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';

/**
 * The title is part of the question: once a moderator hides a thread's question (or an
 * idea's body), readers who may not read it get "Hidden question" wherever the title shows;
 * its author and moderators still get the real title.
 */
const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const HIDDEN = 'Hidden question';
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const LOCK = `mutation ($input: LockThreadInput!) { lockThread(input: $input) { id } }`;
const THREAD = `query ($id: ID!) { thread(id: $id) { id title } }`;
const THREADS = `{ threads(first: 100) { edges { node { id title } } } }`;
const IDEA = `query ($id: ID!) { idea(id: $id) { id title } }`;
const IDEAS = `{ ideas(first: 100, sort: NEW) { edges { node { id title } } } }`;
const SIMILAR_IDEAS = `query ($title: String!) { similarIdeas(title: $title) { id title } }`;
const LOG = `query ($targetId: ID) { moderationLog(first: 50, targetId: $targetId) {
  edges { node { action threadId title details { key value } } } } }`;

const hide = (postId: string) =>
  who.moderator.agent.data(HIDE, { input: { postId, reason: 'PERSONAL_DATA' } });
const listed = async (agent: GraphQLAgent, query: string, id: string) =>
  Object.values(await agent.data(query))[0]
    .edges.map((e: any) => e.node)
    .find((n: any) => n.id === id);

describe('a hidden question hides its title', () => {
  it('thread and threads give visitors, members and staff the placeholder; the asker and moderators the title', async () => {
    const title = 'Locksmith Zoltan 0699887766 is the best';
    const thread = await ask(who.asker.agent, space.help, title, 'Call Zoltan on 0699887766.');
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.title).toBe(title);
    await hide(thread.question.id);

    for (const agent of [who.visitor, who.member.agent, who.staff.agent]) {
      expect((await agent.data(THREAD, { id: thread.id })).thread.title).toBe(HIDDEN);
      expect(await listed(agent, THREADS, thread.id)).toEqual({ id: thread.id, title: HIDDEN });
    }
    for (const agent of [who.asker.agent, who.moderator.agent]) {
      expect((await agent.data(THREAD, { id: thread.id })).thread.title).toBe(title);
      expect(await listed(agent, THREADS, thread.id)).toEqual({ id: thread.id, title });
    }
    await who.moderator.agent.data(RESTORE, { input: { postId: thread.question.id } });
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.title).toBe(title);
  });

  it('the titles of a page of threads cost no query for their questions (they come with the page), whatever their number', async () => {
    for (let i = 0; i < 3; i += 1) await ask(who.member.agent, space.fast, `Counting titles, thread ${i}`);
    const { queries } = await test.countQueries(() => who.visitor.data(THREADS));
    expect(queries.filter((q) => /FROM "posts"/.test(q))).toHaveLength(0);
    expect(queries).toHaveLength(1); // the page, its total and its questions
  });

  it('idea, ideas, similarIdeas and notifications give others the placeholder; the author and moderators the title', async () => {
    const title = 'Quokka deliveries for Yvette at 14 rue Quincampoix';
    const author = await signedInAs(test, 'MEMBER', 'Idea Author');
    const voter = await signedInAs(test, 'MEMBER', 'Idea Voter');
    const idea = await submitIdea(author.agent, { title });
    await voter.agent.data(VOTE, { input: { ideaId: idea.id } });
    await who.staff.agent.data(SET_STATUS, { input: { ideaId: idea.id, status: 'UNDER_REVIEW' } });
    const similarIds = async (agent: GraphQLAgent) =>
      (await agent.data(SIMILAR_IDEAS, { title: 'quokka deliveries' })).similarIdeas.map((i: any) => i.id);
    const notifiedTitle = async (agent: GraphQLAgent) =>
      (await agent.data(NOTIFICATIONS)).notifications.edges
        .map((e: any) => e.node.idea)
        .find((i: any) => i?.id === idea.id).title;
    expect(await similarIds(who.visitor)).toEqual([idea.id]);
    expect(await notifiedTitle(voter.agent)).toBe(title);

    const [{ id: bodyPostId }] = await test.db.query(
      'SELECT p.id FROM posts p JOIN ideas i ON i.thread_id = p.thread_id WHERE i.id = $1 AND p.is_question',
      [idea.id],
    );
    await hide(bodyPostId);

    for (const agent of [who.visitor, voter.agent]) {
      expect((await agent.data(IDEA, { id: idea.id })).idea.title).toBe(HIDDEN);
      expect(await listed(agent, IDEAS, idea.id)).toEqual({ id: idea.id, title: HIDDEN });
    }
    expect(await notifiedTitle(voter.agent)).toBe(HIDDEN);
    // Like search, similar ideas never match a hidden title, whoever asks.
    expect(await similarIds(who.visitor)).toEqual([]);
    expect(await similarIds(author.agent)).toEqual([]);

    for (const agent of [author.agent, who.moderator.agent]) {
      expect((await agent.data(IDEA, { id: idea.id })).idea.title).toBe(title);
      expect(await listed(agent, IDEAS, idea.id)).toEqual({ id: idea.id, title });
    }
    expect(await notifiedTitle(author.agent)).toBe(title);
  });

  it('the public log keeps no title: it shows the placeholder to others, the title to the asker and moderators', async () => {
    const title = 'Plumber Ulrich 0677553311 fixed it';
    const thread = await ask(who.asker.agent, space.help, title, 'Ulrich is at 0677553311.');
    await who.moderator.agent.data(LOCK, { input: { threadId: thread.id, reason: 'Personal data' } });
    await hide(thread.question.id);
    // An entry written before titles were left out of the log, as an older version did.
    await test.db.query(
      `INSERT INTO moderation_actions (action, actor_id, target_type, target_id, details)
       VALUES ('THREAD_PINNED', $1, 'THREAD', $2, $3)`,
      [who.moderator.id, thread.id, { threadId: thread.id, title }],
    );
    const stored = await test.db.query(
      `SELECT details FROM moderation_actions WHERE details->>'threadId' = $1 AND action <> 'THREAD_PINNED'`,
      [thread.id],
    );
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain('Ulrich');

    const logFor = async (agent: GraphQLAgent) => [
      ...(await agent.data(LOG, { targetId: thread.id })).moderationLog.edges.map((e: any) => e.node),
      ...(await agent.data(LOG, { targetId: thread.question.id })).moderationLog.edges.map(
        (e: any) => e.node,
      ),
    ];
    for (const agent of [who.visitor, who.member.agent]) {
      const log = await logFor(agent);
      expect(log.map((a: any) => [a.action, a.threadId, a.title])).toEqual([
        ['THREAD_PINNED', thread.id, HIDDEN],
        ['THREAD_LOCKED', thread.id, HIDDEN],
        ['POST_HIDDEN', thread.id, HIDDEN],
      ]);
      expect(JSON.stringify(log)).not.toContain('Ulrich');
      expect(JSON.stringify((await agent.data(LOG, {})).moderationLog)).not.toContain('Ulrich');
    }
    for (const agent of [who.asker.agent, who.moderator.agent]) {
      expect((await logFor(agent)).map((a: any) => a.title)).toEqual([title, title, title]);
    }
  });

  it('an older merge entry’s target title stays out of the log details', async () => {
    const [source, target] = [await submitIdea(who.member.agent), await submitIdea(who.member.agent)];
    await test.db.query(
      `INSERT INTO moderation_actions (action, actor_id, target_type, target_id, details)
       VALUES ('IDEA_MERGED', $1, 'IDEA', $2, $3)`,
      [who.moderator.id, source.id, { intoIdeaId: target.id, intoTitle: target.title, votesMoved: 0 }],
    );
    const [entry] = (await who.visitor.data(LOG, { targetId: source.id })).moderationLog.edges;
    expect(entry.node.details).toEqual([
      { key: 'intoIdeaId', value: target.id },
      { key: 'votesMoved', value: '0' },
    ]);
  });
});
