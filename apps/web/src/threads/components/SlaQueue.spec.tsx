import { screen, within } from '@testing-library/react';
import { apiError, renderWithProviders } from '../../testing/render';
import { SlaQueueQuery } from '../api/threads';
import { SlaQueue } from './SlaQueue';

const row = (id: string, title: string, breached: boolean, firstResponseAt: string | null) => ({
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
  },
});

describe('the SLA queue', () => {
  it('highlights overdue threads, listed first, and says which deadline is running', async () => {
    renderWithProviders(<SlaQueue />, {
      mocks: [
        {
          request: { query: SlaQueueQuery, variables: { first: 50 } },
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
          request: { query: SlaQueueQuery, variables: { first: 50 } },
          result: { errors: [apiError('FORBIDDEN', 'Only staffs and above can see the answer-time queue.')] },
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only staffs and above can see the answer-time queue.',
    );
  });
});
