import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { ViewerQuery } from '../../lib/viewer';
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

const viewer = (me: { id: string; role: string } | null) => ({
  request: { query: ViewerQuery },
  result: { data: { me: me && { __typename: 'User', displayName: 'Ana', reputation: 0, ...me } } },
  maxUsageCount: 10,
});

describe('the idea board while it loads, and empty', () => {
  it('shows cards to come in a busy status, then invites a visitor to sign in and come back to propose', async () => {
    const answer = holdAnswers('IdeaBoard');
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      hold: answer,
      mocks: [noCampaigns, viewer(null), board([])],
    });
    const busy = await screen.findByRole('status');
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(busy).toHaveTextContent(/^Loading…$/);
    expect(busy.querySelectorAll('li.idea-card')).toHaveLength(5);
    answer.release();
    const title = await screen.findByText('No idea here yet.');
    const panel = title.closest<HTMLElement>('.empty-panel')!;
    expect(within(panel).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fideas%2Fnew',
    );
    expect(within(panel).queryByRole('link', { name: 'Propose an idea' })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('invites a member to propose the first idea, and a status without ideas back to all of them', async () => {
    renderWithProviders(<IdeaBoard spaceId="s1" />, {
      language: 'fr',
      mocks: [
        noCampaigns,
        viewer({ id: 'u2', role: 'MEMBER' }),
        board([]),
        board([], { spaceId: 's1', sort: 'TOP', status: 'LAUNCHED', first: 20 }),
      ],
    });
    await screen.findByText('Proposez la première', { exact: false });
    const panel = screen.getByText('Aucune idée pour l’instant.').closest<HTMLElement>('.empty-panel')!;
    expect(within(panel).getByRole('link', { name: 'Proposer une idée' })).toHaveAttribute(
      'href',
      '/ideas/new',
    );
    expect(within(panel).queryByRole('link', { name: 'Se connecter' })).toBeNull();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Statut'), 'LAUNCHED');
    await user.click(await screen.findByRole('button', { name: 'Voir toutes les idées' }));
    expect(screen.getByLabelText('Statut')).toHaveValue('');
    expect(await screen.findByText('Aucune idée pour l’instant.')).toBeInTheDocument();
  });
});
