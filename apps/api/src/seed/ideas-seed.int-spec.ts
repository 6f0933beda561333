import { IDEA_STATUSES } from '@parvis/domain';
import { seedDemoIfEmpty } from './demo-seed';
import { startTestApp, TestApp } from '../testing/test-app';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedDemoIfEmpty(test.app);
});
afterAll(() => test.close());

describe('the demo idea box', () => {
  it('has ideas in every status, each vote count equal to its active votes', async () => {
    const rows: { status: string; n: number }[] = await test.db.query(
      `SELECT status, count(*)::int AS n FROM ideas GROUP BY status`,
    );
    expect(rows.map((r) => r.status).sort()).toEqual([...IDEA_STATUSES].sort());
    const [{ wrong }] = await test.db.query(
      `SELECT count(*)::int AS wrong FROM ideas i
       WHERE i.votes_count <> (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id AND v.withdrawn_at IS NULL)`,
    );
    expect(wrong).toBe(0);
  });

  it('shows a merged duplicate with its link, comments and official responses', async () => {
    const { ideas } = await test
      .agent()
      .data(
        `{ ideas(status: MERGED) { edges { node { title commentsCount mergedInto { title votesCount } statusHistory { votesMoved } } } } }`,
      );
    const merged = ideas.edges[0].node;
    expect(merged.mergedInto.title).toMatch(/Commander à l’avance/);
    expect(merged.commentsCount).toBe(1);
    expect(merged.statusHistory[0].votesMoved).toBeGreaterThan(0);
    const { ideas: planned } = await test
      .agent()
      .data(`{ ideas(status: PLANNED) { edges { node { officialResponse { response } } } } }`);
    expect(planned.edges[0].node.officialResponse.response).toMatch(/compteur unique/);
  });

  it('has an open campaign with a vote budget and a closed one with its winner', async () => {
    const member = test.agent();
    const signIn = await member.signIn('member@parvis.test', 'parvis-demo-2026');
    expect(signIn.errors).toBeUndefined();
    const { campaigns } = await member.data(
      `{ campaigns { title phase votesPerMember viewerVotesRemaining ideasCount winner { title } } }`,
    );
    expect(campaigns).toEqual([
      {
        title: 'Our next summer flavour',
        phase: 'OPEN',
        votesPerMember: 2,
        viewerVotesRemaining: 1,
        ideasCount: 3,
        winner: null,
      },
      {
        title: 'Name our autumn blend',
        phase: 'CLOSED',
        votesPerMember: null,
        viewerVotesRemaining: null,
        ideasCount: 3,
        winner: { title: 'Ember Road' },
      },
    ]);
    const { notifications } = await member.data(`{ notifications { unreadCount totalCount } }`);
    expect(notifications.unreadCount).toBeGreaterThan(0);
  });
});
