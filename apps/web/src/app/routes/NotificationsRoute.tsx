import { NotificationList } from '../../notifications/components/NotificationList';

export function NotificationsRoute() {
  return <NotificationList />;
}
