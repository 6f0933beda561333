import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationsQuery, UnreadCountSubscription } from '../api/notifications';

/** The header link to the signed-in person's notifications, with how many are unread, kept live. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { data } = useQuery(NotificationsQuery, { fetchPolicy: 'cache-and-network' });
  const live = useSubscription(UnreadCountSubscription);
  const unread = live.data?.unreadNotificationCount ?? data?.notifications.unreadCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
    >
      {/* An inline drawing, not an emoji: it shows the same on every device, fonts or not. */}
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="unread-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
