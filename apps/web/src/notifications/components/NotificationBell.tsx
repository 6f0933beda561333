import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationsQuery } from '../api/notifications';

/** The header link to the signed-in person's notifications, with how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { data } = useQuery(NotificationsQuery, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  const unread = data?.notifications.unreadCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="unread-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
