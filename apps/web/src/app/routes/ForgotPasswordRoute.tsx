import { useTranslation } from 'react-i18next';
import { ForgotPasswordForm } from '../../identity/components/ForgotPasswordForm';
import { PageHead } from '../../components/PageHead';

export function ForgotPasswordRoute() {
  const { t } = useTranslation('identity');
  return (
    <section className="narrow">
      <PageHead title={t('forgot.title')} noIndex />
      <h1>{t('forgot.title')}</h1>
      <ForgotPasswordForm />
    </section>
  );
}
