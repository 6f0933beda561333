import { NotificationList } from '../../notifications/components/NotificationList';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function NotificationsRoute() {
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageHead title={t('title')} noIndex />
      <NotificationList />
    </>
  );
}
