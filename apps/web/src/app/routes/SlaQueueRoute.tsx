import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { SlaQueue } from '../../threads/components/SlaQueue';

export function SlaQueueRoute() {
  const { t } = useTranslation('threads');
  return (
    <>
      <PageHead title={t('sla.heading')} noIndex />
      <SlaQueue />
    </>
  );
}
