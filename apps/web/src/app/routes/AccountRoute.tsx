import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { YourData } from '../../identity/components/YourData';
import { useViewer } from '../../lib/viewer';
import { PageHead } from '../../components/PageHead';

export function AccountRoute() {
  const { t } = useTranslation('identity');
  const { viewer, loading } = useViewer();
  const navigate = useNavigate();
  if (loading) return null;
  if (!viewer) return <Navigate to="/sign-in" replace />;
  return (
    <section className="narrow">
      <PageHead title={t('account.title')} noIndex />
      <h1>{t('account.title')}</h1>
      <YourData onClosed={() => void navigate('/')} />
    </section>
  );
}
