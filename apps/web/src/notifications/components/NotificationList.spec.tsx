import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import {
  MarkNotificationsReadMutation,
  NotificationGroupsQuery,
  NotificationsQuery,
} from '../api/notifications';
import { NotificationList } from './NotificationList';

const group = (overrides: Record<string, unknown>) => ({
  __typename: 'NotificationGroup',
  id: 'g',
  kind: 'REPLY',
  subjectType: 'THREAD',
  subjectId: 't1',
  count: 1,
  unreadCount: 1,
  latestAt: '2026-11-23T10:00:00.000Z',
  actorCount: 1,
  postId: 'p1',
  followUpId: null,
  started: false,
  fromStatus: null,
  toStatus: null,
  rule: null,
  clock: null,
  actors: [{ __typename: 'User', id: 'u9', displayName: 'Sarah' }],
  thread: { __typename: 'Thread', id: 't1', title: 'Card refused' },
  idea: null,
  campaign: null,
  winnerIdea: null,
  ...overrides,
});

const groups = (items: unknown[], kinds: string[] | null = null) => ({
  request: { query: NotificationGroupsQuery, variables: { kinds } },
  result: { data: { notificationGroups: items } },
});

const thanks = group({
  id: 'g2',
  kind: 'THANKED',
  count: 4,
  unreadCount: 0,
  actorCount: 4,
  postId: 'p2',
});
const status = group({
  id: 'g3',
  kind: 'IDEA_STATUS_CHANGED',
  subjectType: 'IDEA',
  subjectId: 'i1',
  postId: null,
  unreadCount: 0,
  fromStatus: 'UNDER_REVIEW',
  toStatus: 'PLANNED',
  thread: null,
  idea: { __typename: 'Idea', id: 'i1', title: 'Oat milk' },
});

describe('the notification centre', () => {
  it('says what happened in the reader’s language, grouped ("Sarah and 3 others"), and links to the exact post', async () => {
    renderWithProviders(<NotificationList />, {
      mocks: [groups([group({}), thanks, status])],
      language: 'fr',
    });
    const reply = await screen.findByRole('link', { name: 'Sarah a répondu dans « Card refused »' });
    expect(reply).toHaveAttribute('href', '/t/t1?post=p1#post-p1');
    expect(
      screen.getByRole('link', {
        name: 'Sarah et 3 autres vous ont remercié pour votre message dans « Card refused »',
      }),
    ).toHaveAttribute('href', '/t/t1?post=p2#post-p2');
    expect(
      screen.getByRole('link', { name: 'Sarah a fait passer « Oat milk » de À l’étude à Prévue.' }),
    ).toHaveAttribute('href', '/ideas/i1');
    expect(screen.getAllByText('Nouveau')).toHaveLength(1);
  });

  it('filters by kind', async () => {
    renderWithProviders(<NotificationList />, {
      mocks: [
        groups([group({}), status]),
        groups([status], ['IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'CAMPAIGN_CLOSED']),
      ],
    });
    await screen.findByRole('link', { name: 'Sarah replied in “Card refused”' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ideas and campaigns' }));
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Sarah replied in “Card refused”' })).toBeNull(),
    );
    expect(
      await screen.findByRole('link', { name: 'Sarah moved “Oat milk” from Under review to Planned.' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sarah replied in “Card refused”' })).toBeNull();
  });

  it('can all be marked read at once', async () => {
    renderWithProviders(<NotificationList />, {
      mocks: [
        groups([group({})]),
        { request: { query: MarkNotificationsReadMutation }, result: { data: { markNotificationsRead: 0 } } },
        {
          request: { query: NotificationsQuery },
          result: {
            data: { notifications: { __typename: 'NotificationConnection', unreadCount: 0, edges: [] } },
          },
        },
        groups([group({ unreadCount: 0 })]),
      ],
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull());
    expect(screen.queryByText('New')).toBeNull();
  });
});
