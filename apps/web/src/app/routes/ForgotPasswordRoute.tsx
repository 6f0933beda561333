import { useTranslation } from 'react-i18next';
import { ForgotPasswordForm } from '../../identity/components/ForgotPasswordForm';

export function ForgotPasswordRoute() {
  const { t } = useTranslation('identity');
  return (
    <section className="narrow">
      <h1>{t('forgot.title')}</h1>
      <ForgotPasswordForm />
    </section>
  );
}
