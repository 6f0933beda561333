import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, holdAnswers, renderWithProviders } from '../../testing/render';
import { CampaignsQuery, IdeaBoardQuery, VoteMutation } from '../api/ideas';
import { IdeaBoard } from './IdeaBoard';

const idea = (id: string, title: string, votesCount: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'Idea',
  id,
  title,
  status: 'NEW',
  votesCount,
  viewerHasVoted: false,
  votingOpen: true,
  commentsCount: 2,
  createdAt: '2026-11-20T10:00:00.000Z',
  author: { __typename: 'User', id: 'u1', displayName: 'Ana', role: 'MEMBER' },
  ...extra,
});

const board = (
  nodes: ReturnType<typeof idea>[],
  variables: Record<string, unknown> = { spaceId: 's1', sort: 'TOP', status: null, first: 20 },
) => ({
  request: { query: IdeaBoardQuery, variables },
  result: {
    data: {
      ideas: {
        __typename: 'IdeaConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'IdeaEdge', node })),
      },
    },
  },
});
const noCampaigns = { request: { query: CampaignsQuery }, result: { data: { campaigns: [] } } };

describe('the idea board', () => {
  it('lists ideas with their votes, status and comments, and sorts them on request', async () => {
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      mocks: [
        noCampaigns,
        board([idea('i1', 'Oat milk', 9), idea('i2', 'Dark mode', 3, { status: 'PLANNED' })]),
        board([idea('i2', 'Dark mode', 3, { status: 'PLANNED' }), idea('i1', 'Oat milk', 9)], {
          spaceId: 's1',
          sort: 'NEW',
          status: null,
          first: 20,
        }),
      ],
    });
    const first = await screen.findByRole('article', { name: 'Oat milk' });
    expect(within(first).getByText('9 votes')).toBeInTheDocument();
    expect(first).toHaveTextContent('by Ana · 2 comments');
    expect(screen.getByRole('article', { name: 'Dark mode' })).toHaveTextContent('Planned');

    await userEvent.setup().selectOptions(screen.getByLabelText('Sort by'), 'NEW');
    await screen.findByText('Dark mode');
    const titles = await screen.findAllByRole('article');
    expect(titles.map((a) => a.getAttribute('aria-labelledby'))).toEqual(['idea-i2', 'idea-i1']);
  });

  it('shows a vote at once, and takes it back with the reason when the API refuses it', async () => {
    const refusal = 'You have used all 2 of your votes in “Summer”.';
    // The API's answer waits until the test has seen the vote counted.
    const answer = holdAnswers('VoteForIdea');
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      hold: answer,
      mocks: [
        noCampaigns,
        board([idea('i1', 'Mango & chili', 4)]),
        {
          request: { query: VoteMutation, variables: { input: { ideaId: 'i1' } } },
          result: { errors: [new GraphQLError(refusal, apiError('CONFLICT', refusal, 'ideaId'))] },
        },
      ],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Vote for “Mango & chili”' }));
    // Optimistic: counted before the API answers…
    expect(await screen.findByText('5 votes')).toBeInTheDocument();
    answer.release();
    // …then corrected, with the API's reason announced.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have used all 2 of your votes in “Summer”.',
    );
    expect(screen.getByText('4 votes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vote for “Mango & chili”' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('counts an accepted vote and marks the button pressed', async () => {
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      language: 'fr',
      mocks: [
        noCampaigns,
        board([idea('i1', 'Lait d’avoine', 1)]),
        {
          request: { query: VoteMutation, variables: { input: { ideaId: 'i1' } } },
          result: { data: { vote: { __typename: 'Idea', id: 'i1', votesCount: 2, viewerHasVoted: true } } },
        },
      ],
    });
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Voter pour « Lait d’avoine »' }));
    const withdraw = await screen.findByRole('button', { name: 'Retirer votre vote pour « Lait d’avoine »' });
    expect(withdraw).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('2 votes')).toBeInTheDocument();
  });

  it('offers no vote on a launched idea', async () => {
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      mocks: [noCampaigns, board([idea('i1', 'Oat milk', 9, { status: 'LAUNCHED', votingOpen: false })])],
    });
    expect(await screen.findByText('Voting closed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Vote for/ })).toBeNull();
  });
});
