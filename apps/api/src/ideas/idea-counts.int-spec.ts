import { CREATE_CAMPAIGN, hours, MERGE, SET_STATUS, submitIdea } from '../testing/ideas-fixtures';
import { useCommunity } from '../testing/community';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '10000' });

const BOARD = `query ($spaceId: ID, $status: IdeaStatus, $campaignId: ID) {
  ideas(spaceId: $spaceId, status: $status, campaignId: $campaignId, first: 1) { totalCount } }`;
const total = async (variables: Record<string, unknown> = {}) =>
  (await who.visitor.data(BOARD, variables)).ideas.totalCount as number;

/** The kept counts must always be what counting the ideas gives. */
async function expectCountsExact(): Promise<void> {
  const kept = await test.db.query(
    `SELECT space_id, campaign_id, status, ideas FROM idea_counts WHERE ideas > 0 ORDER BY 1, 2, 3`,
  );
  const counted = await test.db.query(
    `SELECT t.space_id, i.campaign_id, i.status, count(*)::int AS ideas FROM ideas i JOIN threads t ON t.id = i.thread_id
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  expect(kept).toEqual(counted);
}

describe('the idea board’s totalCount, from counts the database keeps', () => {
  it('follows submissions, status changes and merges, per space, status and campaign', async () => {
    const before = await total();
    const a = await submitIdea(who.member.agent, { title: 'Counted idea one' });
    const b = await submitIdea(who.member.agent, { title: 'Counted idea two' });
    const c = await submitIdea(who.asker.agent, { title: 'Counted idea three' });
    expect(await total()).toBe(before + 3);
    expect(await total({ spaceId: space.ideas })).toBe(before + 3);
    const newOnes = await total({ status: 'NEW' });
    await expectCountsExact();

    await who.staff.agent.data(SET_STATUS, {
      input: { ideaId: a.id, status: 'PLANNED', response: 'On the roadmap for spring.' },
    });
    expect(await total({ status: 'PLANNED' })).toBe(1);
    expect(await total({ status: 'NEW' })).toBe(newOnes - 1);
    expect(await total()).toBe(before + 3);

    // A merged idea leaves the board (its default view counts every status but MERGED).
    await who.moderator.agent.data(MERGE, { input: { sourceId: c.id, intoId: b.id } });
    expect(await total()).toBe(before + 2);
    expect(await total({ status: 'MERGED' })).toBe(1);
    expect(await total({ status: 'NEW' })).toBe(newOnes - 2);
    await expectCountsExact();
  });

  it('counts a campaign’s ideas apart, and the board filtered by campaign reads them', async () => {
    const { createCampaign: campaign } = await who.staff.agent.data(CREATE_CAMPAIGN, {
      input: {
        spaceId: space.ideas,
        title: 'Counted campaign',
        question: 'What should we count?',
        opensAt: hours(-1),
        closesAt: hours(48),
      },
    });
    expect(await total({ campaignId: campaign.id })).toBe(0);
    const everything = await total();
    await submitIdea(who.member.agent, { title: 'Campaign idea one', campaignId: campaign.id });
    const second = await submitIdea(who.asker.agent, { title: 'Campaign idea two', campaignId: campaign.id });
    expect(await total({ campaignId: campaign.id })).toBe(2);
    expect(await total()).toBe(everything + 2);
    await who.staff.agent.data(SET_STATUS, {
      input: { ideaId: second.id, status: 'DECLINED', response: 'Not something we will build.' },
    });
    expect(await total({ campaignId: campaign.id, status: 'DECLINED' })).toBe(1);
    expect(await total({ campaignId: campaign.id })).toBe(2);
    await expectCountsExact();
  });

  it('moves the counts with a thread moved to another space, and refuses to count below zero', async () => {
    const idea = await submitIdea(who.member.agent, { title: 'An idea that moves' });
    const [{ id: other }] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('ideas-two', 'Second idea box', 'IDEAS', 9) RETURNING id`,
    );
    await test.db.query(
      `UPDATE threads SET space_id = $2 WHERE id = (SELECT thread_id FROM ideas WHERE id = $1)`,
      [idea.id, other],
    );
    expect(await total({ spaceId: other })).toBe(1);
    await expectCountsExact();
    await expect(
      test.db.query(`UPDATE idea_counts SET ideas = ideas - 2 WHERE space_id = $1`, [other]),
    ).rejects.toThrow(/idea_counts_ideas_check/);
  });
});
