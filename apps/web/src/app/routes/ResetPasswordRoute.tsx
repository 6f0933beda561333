import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../../identity/components/ResetPasswordForm';

export function ResetPasswordRoute() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <ResetPasswordForm token={params.get('token') ?? ''} onDone={() => void navigate('/')} />
    </section>
  );
}
