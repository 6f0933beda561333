import { REPUTATION } from '@parvis/domain';
import { seedDemoIfEmpty } from './demo-seed';
import { DEMO_PASSWORD } from './demo-accounts';
import { startTestApp, TestApp } from '../testing/test-app';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedDemoIfEmpty(test.app);
});
afterAll(() => test.close());

const HELP_THREADS = `query ($spaceId: ID!) { threads(spaceId: $spaceId, first: 50) { edges { node {
  title language status repliesCount sla { breached } privateFollowUp { agent { displayName } }
  question { revisions { bodyMarkdown } } acceptedAnswer { thanksCount } } } } }`;

describe('the demo help space', () => {
  it('has threads in French, English and Spanish: answered, resolved, open, overdue, thanked, edited and followed up privately', async () => {
    const [help] = await test.db.query(`SELECT id FROM spaces WHERE slug = 'help'`);
    const threads = (await test.agent().data(HELP_THREADS, { spaceId: help.id })).threads.edges.map(
      (e: { node: any }) => e.node,
    );
    expect(new Set(threads.map((t: any) => t.language))).toEqual(new Set(['fr', 'en', 'es']));
    expect(new Set(threads.map((t: any) => t.status))).toEqual(new Set(['OPEN', 'ANSWERED', 'RESOLVED']));
    expect(threads.some((t: any) => t.status === 'OPEN' && t.repliesCount === 0 && t.sla.breached)).toBe(
      true,
    );
    expect(threads.some((t: any) => t.acceptedAnswer?.thanksCount > 0)).toBe(true);
    expect(threads.some((t: any) => t.question.revisions.length > 0)).toBe(true);
    expect(threads.some((t: any) => t.privateFollowUp?.agent.displayName === 'Sarah (Parvis team)')).toBe(
      true,
    );
  });

  it('puts overdue threads first in the staff SLA queue', async () => {
    const staff = test.agent();
    await staff.signIn('staff@parvis.test', DEMO_PASSWORD);
    const { slaQueue } = await staff.data(`{ slaQueue { edges { node { title sla { breached } } } } }`);
    expect(slaQueue.edges.length).toBeGreaterThanOrEqual(3);
    expect(slaQueue.edges[0].node.sla.breached).toBe(true);
  });

  it('gives reputation that matches the points for accepted answers and thanks received', async () => {
    const [{ wrong }] = await test.db.query(
      `WITH earned AS (
         SELECT u.id, u.reputation,
           (SELECT count(*) FROM threads t JOIN posts p ON p.id = t.accepted_answer_id
             WHERE p.author_id = u.id AND t.author_id <> u.id) * $1
           + (SELECT count(*) FROM thanks th JOIN posts p ON p.id = th.post_id
             WHERE p.author_id = u.id AND th.withdrawn_at IS NULL) * $2 AS points
         FROM users u)
       SELECT count(*)::int AS wrong FROM earned WHERE reputation <> points`,
      [REPUTATION.acceptedAnswer, REPUTATION.thanksReceived],
    );
    expect(wrong).toBe(0);
  });

  it('counts on every post exactly its thanks', async () => {
    const [{ wrong }] = await test.db.query(
      `SELECT count(*)::int AS wrong FROM posts p
        WHERE p.thanks_count <> (SELECT count(*) FROM thanks th WHERE th.post_id = p.id AND th.withdrawn_at IS NULL)`,
    );
    expect(wrong).toBe(0);
  });

  it('is found by search, accents ignored', async () => {
    const { search } = await test.agent().data(`{ search(query: "carte refusee") { thread { title } } }`);
    expect(search[0].thread.title).toMatch(/Ma carte est refusée/);
  });
});
