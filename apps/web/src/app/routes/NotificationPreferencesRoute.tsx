import { NotificationPreferences } from '../../notifications/components/NotificationPreferences';

export function NotificationPreferencesRoute() {
  return <NotificationPreferences />;
}
