import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { ThreadListQuery } from '../api/threads';
import { viewerMock } from '../testing/thread-fixtures';
import { ThreadList } from './ThreadList';

const node = (id: string, title: string, status: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Thread',
  id,
  title,
  status,
  language: 'en',
  pinned: false,
  locked: false,
  repliesCount: 2,
  createdAt: '2026-11-20T08:00:00.000Z',
  lastActivityAt: '2026-11-20T10:00:00.000Z',
  author: { __typename: 'User', id: 'u1', displayName: 'Tom Baker', role: 'MEMBER' },
  sla: { __typename: 'Sla', breached: false, nextDueAt: null },
  ...extra,
});

const list = (variables: Record<string, unknown>, nodes: ReturnType<typeof node>[]) => ({
  request: {
    query: ThreadListQuery,
    variables: { spaceId: 's1', sort: 'LAST_ACTIVITY', first: 20, ...variables },
  },
  result: {
    data: {
      threads: {
        __typename: 'ThreadConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((n) => ({ __typename: 'ThreadEdge', cursor: n.id, node: n })),
      },
    },
  },
});

describe('a help space’s questions', () => {
  it('show their status in words, and filter by status', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [
        viewerMock(null),
        list({}, [node('a', 'Card refused', 'ANSWERED'), node('b', 'Parcel late', 'OPEN', { pinned: true })]),
        list({ status: 'RESOLVED' }, [node('c', 'Old question', 'RESOLVED')]),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(within(items[0]).getByRole('link', { name: 'Card refused' })).toBeInTheDocument();
    expect(within(items[0]).getByText('Answered')).toBeInTheDocument();
    expect(within(items[1]).getByText('Pinned')).toBeInTheDocument();
    expect(screen.getByText('2 questions')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Answer-time queue' })).toBeNull();

    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'RESOLVED');
    expect(await screen.findByRole('link', { name: 'Old question' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Card refused' })).toBeNull();
  });

  it('show staff the link to the SLA queue and which threads are overdue', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [
        viewerMock({ id: 's1', role: 'STAFF' }),
        list({}, [
          node('a', 'Nobody answers', 'OPEN', {
            sla: { __typename: 'Sla', breached: true, nextDueAt: null },
          }),
        ]),
      ],
      language: 'es',
    });
    expect(await screen.findByRole('link', { name: 'Cola de plazos de respuesta' })).toHaveAttribute(
      'href',
      '/staff/sla',
    );
    expect(await screen.findByText('Con retraso')).toBeInTheDocument();
  });
});
