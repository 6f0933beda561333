import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../../identity/components/ResetPasswordForm';
import { PageHead } from '../../components/PageHead';

export function ResetPasswordRoute() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <PageHead title={t('reset.title')} noIndex />
      <h1>{t('reset.title')}</h1>
      <ResetPasswordForm token={params.get('token') ?? ''} onDone={() => void navigate('/')} />
    </section>
  );
}
