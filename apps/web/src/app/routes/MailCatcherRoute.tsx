import { MailCatcher } from '../../mail/components/MailCatcher';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function MailCatcherRoute() {
  const { t } = useTranslation('mail');
  return (
    <>
      <PageHead title={t('catcher.title')} noIndex />
      <MailCatcher />
    </>
  );
}
