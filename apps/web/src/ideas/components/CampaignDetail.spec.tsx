import { screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { CampaignPageQuery, IdeaVotesSubscription } from '../api/ideas';
import { CampaignDetail } from './CampaignDetail';

const idea = (id: string, title: string, votesCount: number) => ({
  __typename: 'Idea',
  id,
  title,
  status: 'NEW',
  votesCount,
  viewerHasVoted: false,
  votingOpen: true,
  commentsCount: 0,
  createdAt: '2026-11-20T10:00:00.000Z',
  author: { __typename: 'User', id: 'u1', displayName: 'Ana', role: 'MEMBER' },
});

const campaign = (extra: Record<string, unknown>) => ({
  request: { query: CampaignPageQuery, variables: { id: 'c1' } },
  result: {
    data: {
      campaign: {
        __typename: 'Campaign',
        id: 'c1',
        title: 'Our next flavour',
        question: 'Which flavour should we make next?',
        phase: 'OPEN',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000 + 60_000).toISOString(),
        votesPerMember: 2,
        viewerVotesUsed: 1,
        viewerVotesRemaining: 1,
        winner: null,
        ranking: [
          { __typename: 'CampaignRankingEntry', rank: 1, votes: 5, idea: idea('i1', 'Mango & chili', 5) },
          { __typename: 'CampaignRankingEntry', rank: 2, votes: 3, idea: idea('i2', 'Cucumber & mint', 3) },
        ],
        ...extra,
      },
    },
  },
});

describe('a campaign page', () => {
  it('while open: the question, the time left, my remaining votes and the live ranking', async () => {
    renderWithProviders(<CampaignDetail id="c1" signedIn />, { mocks: [campaign({})] });
    expect(await screen.findByRole('heading', { name: 'Our next flavour' })).toBeInTheDocument();
    expect(screen.getByText('Which flavour should we make next?')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/^Closes in 2 d 3 h (0|1) min$/);
    expect(screen.getByText('You have 1 vote left.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Live ranking' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vote for “Mango & chili”' })).toBeInTheDocument();
  });

  it('while open, the ranking updates live as votes come in (no polling)', async () => {
    {
      const later = campaign({
        ranking: [
          { __typename: 'CampaignRankingEntry', rank: 1, votes: 6, idea: idea('i2', 'Cucumber & mint', 6) },
          { __typename: 'CampaignRankingEntry', rank: 2, votes: 5, idea: idea('i1', 'Mango & chili', 5) },
        ],
      });
      const voted = {
        request: { query: IdeaVotesSubscription, variables: { campaignId: 'c1' } },
        result: { data: { ideaVotes: { __typename: 'Idea', id: 'i2', votesCount: 6 } } },
        delay: 50,
      };
      renderWithProviders(<CampaignDetail id="c1" signedIn />, { mocks: [campaign({}), voted, later] });
      const firstPlace = () => screen.getAllByRole('listitem')[0];
      expect(await screen.findByRole('heading', { name: 'Live ranking' })).toBeInTheDocument();
      expect(firstPlace()).toHaveTextContent('Mango & chili');
      await waitFor(() => expect(firstPlace()).toHaveTextContent('Cucumber & mint'));
    }
  });

  it('once closed: the winner and the final ranking, with no vote button', async () => {
    const closed = campaign({
      phase: 'CLOSED',
      closesAt: '2026-11-01T18:00:00.000Z',
      opensAt: '2026-10-20T18:00:00.000Z',
      winner: { __typename: 'Idea', id: 'i1', title: 'Mango & chili' },
    });
    renderWithProviders(<CampaignDetail id="c1" signedIn />, { mocks: [closed], language: 'fr' });
    expect(await screen.findByRole('heading', { name: 'Gagnante' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Mango & chili' })).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Classement final' })).toBeInTheDocument();
    expect(screen.getByText(/5 votes/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Voter/ })).toBeNull();
    expect(screen.getByText(/Terminée le/)).toBeInTheDocument();
  });
});
