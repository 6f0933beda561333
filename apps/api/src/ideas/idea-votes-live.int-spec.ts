import { useCommunity } from '../testing/community';
import { CREATE_CAMPAIGN, hours, submitIdea, VOTE } from '../testing/ideas-fixtures';
import { LiveSubscription, subscribe, subscriptionsServed } from '../testing/live-client';

const { test, space, who } = useCommunity();

type Counted = { ideaVotes: { id: string; votesCount: number } };

describe('live vote counts (ideaVotes)', () => {
  const open: LiveSubscription<Counted>[] = [];
  afterAll(() => open.forEach((s) => s.dispose()));

  // A vote announces itself before it reads its idea (so that the idea's row is locked over the
  // read alone): a ranking page still hears only the votes of its own campaign.
  it("sends a campaign's ranking only the votes of that campaign's ideas, every vote to the board", async () => {
    const { createCampaign: campaign } = await who.staff.agent.data(CREATE_CAMPAIGN, {
      input: {
        spaceId: space.ideas,
        title: 'Live campaign',
        question: 'What should we build next?',
        opensAt: hours(-1),
        closesAt: hours(48),
      },
    });
    const inside = await submitIdea(who.asker.agent, { campaignId: campaign.id });
    const outside = await submitIdea(who.asker.agent);
    const votes = (variables: Record<string, unknown>): LiveSubscription<Counted> => {
      const live = subscribe<Counted>(
        test.url,
        `subscription ($campaignId: ID) { ideaVotes(campaignId: $campaignId) { id votesCount } }`,
        variables,
        { cookie: null },
      );
      open.push(live);
      return live;
    };
    const ranking = votes({ campaignId: campaign.id });
    const board = votes({});
    await subscriptionsServed(test.url, 2);

    await who.member.agent.data(VOTE, { input: { ideaId: outside.id } });
    await who.member.agent.data(VOTE, { input: { ideaId: inside.id } });
    await who.expert.agent.data(VOTE, { input: { ideaId: inside.id } });

    await board.next((d) => d.ideaVotes.id === inside.id && d.ideaVotes.votesCount === inside.votesCount + 2);
    await ranking.next(
      (d) => d.ideaVotes.id === inside.id && d.ideaVotes.votesCount === inside.votesCount + 2,
    );
    // Each event carries the idea as it is when delivered: compared without their order.
    await board.next((d) => d.ideaVotes.id === outside.id);
    expect(board.received.map((d) => d.ideaVotes.id).sort()).toEqual(
      [outside.id, inside.id, inside.id].sort(),
    );
    expect(board.received.find((d) => d.ideaVotes.id === outside.id)?.ideaVotes.votesCount).toBe(
      outside.votesCount + 1,
    );
    expect(ranking.received.map((d) => d.ideaVotes.id)).toEqual([inside.id, inside.id]);
  });
});
