import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SignInForm } from '../../identity/components/SignInForm';

export function SignInRoute() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <h1>{t('signInTitle')}</h1>
      <SignInForm onDone={() => void navigate('/')} />
      <p>
        <Link to="/forgot-password">{t('forgotLink')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link to="/sign-up">{t('signUp')}</Link>
      </p>
    </section>
  );
}
