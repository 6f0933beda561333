import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ViewerQuery } from '../../lib/viewer';
import { apiError, renderWithProviders } from '../../testing/render';
import { SlaQueueQuery } from '../api/threads';
import { SlaQueue } from './SlaQueue';

const sarah = { __typename: 'User', id: 'u2', displayName: 'Sarah (Parvis team)' };
const malik = { __typename: 'User', id: 'u3', displayName: 'Malik Benali' };

const row = (
  id: string,
  title: string,
  breached: boolean,
  firstResponseAt: string | null,
  assignee: typeof sarah | null = null,
  offeredTo: (typeof sarah)[] = [],
) => ({
  __typename: 'ThreadEdge',
  cursor: id,
  node: {
    __typename: 'Thread',
    id,
    title,
    language: 'en',
    status: 'OPEN',
    repliesCount: 0,
    createdAt: '2026-11-20T08:00:00.000Z',
    space: { __typename: 'Space', id: 's1', slug: 'help', name: 'Help' },
    author: { __typename: 'User', id: 'u1', displayName: 'Tom Baker' },
    sla: {
      __typename: 'Sla',
      firstResponseDueAt: '2026-11-20T09:00:00.000Z',
      answerDueAt: '2026-11-21T08:00:00.000Z',
      firstResponseAt,
      breached,
      firstResponseBreached: breached,
      answerBreached: false,
      nextDueAt: firstResponseAt ? '2026-11-21T08:00:00.000Z' : '2026-11-20T09:00:00.000Z',
    },
    assignee,
    offeredTo,
  },
});

const page = (edges: ReturnType<typeof row>[]) => ({
  data: {
    slaQueue: {
      __typename: 'ThreadConnection',
      totalCount: edges.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges,
    },
  },
});

describe('the SLA queue', () => {
  it('highlights overdue threads, listed first, and says which deadline is running', async () => {
    renderWithProviders(<SlaQueue />, {
      mocks: [
        {
          request: { query: SlaQueueQuery, variables: { first: 50, view: 'ALL' } },
          result: {
            data: {
              slaQueue: {
                __typename: 'ThreadConnection',
                totalCount: 2,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'b' },
                edges: [
                  row('a', 'Third delivery delayed', true, null),
                  row('b', 'SMS code never arrives', false, '2026-11-20T08:30:00.000Z'),
                ],
              },
            },
          },
        },
      ],
    });
    const [, first, second] = await screen.findAllByRole('row');
    expect(within(first).getByRole('link', { name: 'Third delivery delayed' })).toBeInTheDocument();
    expect(first).toHaveClass('overdue');
    expect(within(first).getByText('Overdue')).toBeInTheDocument();
    expect(within(first).getByText(/First response:/)).toBeInTheDocument();
    expect(second).not.toHaveClass('overdue');
    expect(within(second).getByText(/Answer:/)).toBeInTheDocument();
  });

  it('tells a member it is not for them, in the API’s words', async () => {
    renderWithProviders(<SlaQueue />, {
      mocks: [
        {
          request: { query: SlaQueueQuery, variables: { first: 50, view: 'ALL' } },
          result: { errors: [apiError('FORBIDDEN', 'Only staffs and above can see the answer-time queue.')] },
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only staffs and above can see the answer-time queue.',
    );
  });

  it('shows who has each thread, and switches to "Assigned to me" and "Unassigned", the latter offered to whoever is on duty', async () => {
    renderWithProviders(<SlaQueue />, {
      mocks: [
        {
          request: { query: ViewerQuery },
          result: {
            data: {
              me: {
                __typename: 'User',
                id: 'u3',
                displayName: 'Malik Benali',
                role: 'MODERATOR',
                reputation: 0,
              },
            },
          },
          maxUsageCount: 5,
        },
        {
          request: { query: SlaQueueQuery, variables: { first: 50, view: 'ALL' } },
          result: page([
            row('a', 'Refund pending', false, null, sarah),
            row('b', 'Card refused', false, null, null, [sarah]),
          ]),
        },
        {
          request: { query: SlaQueueQuery, variables: { first: 50, view: 'MINE' } },
          result: page([]),
        },
        {
          request: { query: SlaQueueQuery, variables: { first: 50, view: 'UNASSIGNED' } },
          result: page([row('b', 'Card refused', false, null, null, [sarah, malik])]),
        },
      ],
    });
    const [, first, second] = await screen.findAllByRole('row');
    expect(within(first).getByText('Sarah (Parvis team)')).toBeInTheDocument();
    expect(within(second).getByText('Nobody')).toBeInTheDocument();
    expect(within(second).getByText('Offered first to Sarah (Parvis team) (on duty)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Assigned to me' }));
    expect(await screen.findByText('Nothing is assigned to you.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Assigned to me' })).toHaveAttribute('aria-pressed', 'true');

    // The empty view says where the work is, one click away.
    await userEvent.click(screen.getByRole('button', { name: 'See unassigned threads' }));
    expect(screen.getByRole('button', { name: 'Unassigned' })).toHaveAttribute('aria-pressed', 'true');
    const [, offered] = await screen.findAllByRole('row');
    expect(within(offered).getByText('Offered to you: you are on duty')).toBeInTheDocument();
  });
});
