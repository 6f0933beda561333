import { ReportsPage } from '../../reports/components/ReportsPage';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function ReportsRoute() {
  const { t } = useTranslation('reports');
  return (
    <>
      <PageHead title={t('title')} noIndex />
      <ReportsPage />
    </>
  );
}
