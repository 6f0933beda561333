import { useSearchParams } from 'react-router';
import { Unsubscribe } from '../../mail/components/Unsubscribe';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function UnsubscribeRoute() {
  const [params] = useSearchParams();
  const { t } = useTranslation('mail');
  return (
    <>
      <PageHead title={t('unsubscribe.title')} noIndex />
      <Unsubscribe token={params.get('token') ?? ''} />
    </>
  );
}
