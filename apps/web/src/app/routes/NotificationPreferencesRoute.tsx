import { NotificationPreferences } from '../../notifications/components/NotificationPreferences';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function NotificationPreferencesRoute() {
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageHead title={t('preferences.title')} noIndex />
      <NotificationPreferences />
    </>
  );
}
