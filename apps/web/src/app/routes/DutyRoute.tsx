import { DutySettings } from '../../desk/components/DutySettings';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function DutyRoute() {
  const { t } = useTranslation('desk');
  return (
    <>
      <PageHead title={t('duty.heading')} noIndex />
      <DutySettings />
    </>
  );
}
