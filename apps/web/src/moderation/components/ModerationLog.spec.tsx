import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { ModerationLogQuery } from '../api/moderation';
import { user } from '../testing/moderation-fixtures';
import { ModerationLog } from './ModerationLog';

const entry = (id: string, action: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ModerationAction',
  id,
  action,
  targetType: 'POST',
  targetId: `target-${id}`,
  rule: null,
  reason: null,
  threadId: 't1',
  title: 'Livraison ratée deux fois',
  createdAt: '2026-11-21T09:00:00.000Z',
  details: [],
  actor: user('m', 'Malik Benali', 'MODERATOR'),
  ...extra,
});

describe('the public moderation log', () => {
  it('lists who did what, where, under which rule, readable by anyone', async () => {
    renderWithProviders(<ModerationLog />, {
      mocks: [
        {
          request: { query: ModerationLogQuery, variables: { first: 30 } },
          result: {
            data: {
              moderationLog: {
                __typename: 'ModerationActionConnection',
                totalCount: 2,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [
                  {
                    __typename: 'ModerationActionEdge',
                    cursor: 'a',
                    node: entry('a', 'POST_HIDDEN', {
                      rule: 'PERSONAL_DATA',
                      reason: 'Phone numbers stay private.',
                    }),
                  },
                  {
                    __typename: 'ModerationActionEdge',
                    cursor: 'b',
                    node: entry('b', 'IDEA_STATUS_CHANGED', {
                      targetType: 'IDEA',
                      title: 'Dark mode',
                      threadId: 't9',
                      actor: user('s', 'Sarah (Parvis team)', 'STAFF'),
                      details: [
                        { __typename: 'ModerationDetail', key: 'from', value: 'NEW' },
                        { __typename: 'ModerationDetail', key: 'to', value: 'PLANNED' },
                      ],
                    }),
                  },
                ],
              },
            },
          },
        },
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Malik Benali');
    expect(items[0]).toHaveTextContent('hid a post in Livraison ratée deux fois');
    expect(items[0]).toHaveTextContent('Rule: Personal data');
    expect(items[0]).toHaveTextContent('Reason: Phone numbers stay private.');
    expect(within(items[0]).getByRole('link', { name: 'Livraison ratée deux fois' })).toHaveAttribute(
      'href',
      '/t/t1#post-target-a',
    );
    expect(items[1]).toHaveTextContent(
      'Sarah (Parvis team) Staff changed the status of the idea Dark mode (New → Planned)',
    );
    expect(screen.getByText('2 actions')).toBeInTheDocument();
  });
});
