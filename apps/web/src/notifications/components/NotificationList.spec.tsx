import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../api/notifications';
import { NotificationList } from './NotificationList';

const page = (readAt: string | null, unreadCount: number) => ({
  request: { query: NotificationsQuery },
  result: {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        unreadCount,
        edges: [
          {
            __typename: 'NotificationEdge',
            node: {
              __typename: 'Notification',
              id: 'n1',
              kind: 'IDEA_STATUS_CHANGED',
              fromStatus: 'UNDER_REVIEW',
              toStatus: 'PLANNED',
              createdAt: '2026-11-23T10:00:00.000Z',
              readAt,
              actor: { __typename: 'User', id: 'u9', displayName: 'Sarah' },
              idea: { __typename: 'Idea', id: 'i1', title: 'Oat milk' },
            },
          },
        ],
      },
    },
  },
});

describe('notifications', () => {
  it('tell a voter, in their language, that an idea they follow changed status, and link to it', async () => {
    renderWithProviders(<NotificationList />, { mocks: [page(null, 1)], language: 'fr' });
    const link = await screen.findByRole('link', {
      name: 'Sarah a fait passer « Oat milk » de À l’étude à Prévue.',
    });
    expect(link).toHaveAttribute('href', '/ideas/i1');
    expect(screen.getByText('Nouveau')).toBeInTheDocument();
  });

  it('can all be marked read at once', async () => {
    renderWithProviders(<NotificationList />, {
      mocks: [
        page(null, 1),
        { request: { query: MarkNotificationsReadMutation }, result: { data: { markNotificationsRead: 0 } } },
        page('2026-11-23T11:00:00.000Z', 0),
      ],
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull());
    expect(screen.queryByText('New')).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Sarah moved “Oat milk” from Under review to Planned.' }),
    ).toBeInTheDocument();
  });
});
