import { seedDemoIfEmpty } from './demo-seed';
import { DEMO_PASSWORD } from './demo-accounts';
import { GraphQLAgent, startTestApp, TestApp } from '../testing/test-app';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedDemoIfEmpty(test.app);
});
afterAll(() => test.close());

const signedIn = async (email: string): Promise<GraphQLAgent> => {
  const agent = test.agent();
  await agent.signIn(email, DEMO_PASSWORD);
  return agent;
};

const THREAD = `query ($id: ID!) { thread(id: $id) { status question { answered { id author { role } } }
  posts(first: 50) { edges { node { id bodyMarkdown hidden { reason by { displayName } } } } } } }`;

describe('moderation in the demo community', () => {
  it('gives every post a tone', async () => {
    expect(await test.db.query(`SELECT count(*)::int AS n FROM posts WHERE tone IS NULL`)).toEqual([
      { n: 0 },
    ]);
  });

  it('has a reply with a phone number hidden under PERSONAL_DATA: visitors see the notice, its author the text', async () => {
    const [{ thread_id: threadId, id: postId }] = await test.db.query(
      `SELECT thread_id, id FROM posts WHERE hidden_at IS NOT NULL`,
    );
    const hiddenFor = async (agent: GraphQLAgent) =>
      (await agent.data(THREAD, { id: threadId })).thread.posts.edges
        .map((e: any) => e.node)
        .find((p: any) => p.id === postId);
    expect(await hiddenFor(test.agent())).toEqual({
      id: postId,
      bodyMarkdown: '',
      hidden: { reason: 'PERSONAL_DATA', by: { displayName: 'Malik Benali' } },
    });
    expect((await hiddenFor(await signedIn('member@parvis.test'))).bodyMarkdown).toContain('06 12 34 56 78');
  });

  it('has a negative complaint marked answered by staff, its thread resolved', async () => {
    const [{ thread_id: threadId }] = await test.db.query(
      `SELECT thread_id FROM posts WHERE answered_by_post_id IS NOT NULL AND tone = 'NEGATIVE' AND is_question`,
    );
    const { thread } = await test.agent().data(THREAD, { id: threadId });
    expect(thread).toMatchObject({
      status: 'RESOLVED',
      question: { answered: { author: { role: 'STAFF' } } },
    });
  });

  it('puts flags and negative unanswered posts in the moderators’ queue', async () => {
    const moderator = await signedIn('moderator@parvis.test');
    const { moderationQueue } = await moderator.data(
      `{ moderationQueue { flagged { flagsCount reasons } negativeUnanswered { id } } }`,
    );
    expect(moderationQueue.flagged).toEqual([{ flagsCount: 2, reasons: ['SPAM'] }]);
    expect(moderationQueue.negativeUnanswered.length).toBeGreaterThan(0);
  });

  it('shows every moderation action of the demo in the public log', async () => {
    const { moderationLog } = await test
      .agent()
      .data(`{ moderationLog(first: 100) { totalCount edges { node { action targetId } } } }`);
    const actions = moderationLog.edges.map((e: any) => e.node.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'ANSWER_ACCEPTED',
        'THREAD_RESOLVED',
        'POST_HIDDEN',
        'POST_MARKED_ANSWERED',
        'IDEA_STATUS_CHANGED',
        'IDEA_MERGED',
      ]),
    );
    const [counts] = await test.db.query(
      `SELECT (SELECT count(*)::int FROM threads WHERE status = 'RESOLVED') AS resolved,
              (SELECT count(*)::int FROM threads WHERE accepted_by_id <> author_id) AS accepted,
              (SELECT count(*)::int FROM idea_status_changes) AS ideas,
              (SELECT count(*)::int FROM posts WHERE hidden_at IS NOT NULL) AS hidden,
              (SELECT count(*)::int FROM posts WHERE answered_by_post_id IS NOT NULL) AS answered`,
    );
    const count = (action: string) => actions.filter((a: string) => a === action).length;
    expect(count('THREAD_RESOLVED')).toBe(counts.resolved);
    expect(count('ANSWER_ACCEPTED')).toBe(counts.accepted);
    expect(count('IDEA_STATUS_CHANGED') + count('IDEA_MERGED')).toBe(counts.ideas);
    expect(count('POST_HIDDEN')).toBe(counts.hidden);
    expect(count('POST_MARKED_ANSWERED')).toBe(counts.answered);
  });
});
