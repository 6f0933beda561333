import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SignUpForm } from '../../identity/components/SignUpForm';

export function SignUpRoute() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <h1>{t('signUpTitle')}</h1>
      <SignUpForm onDone={() => void navigate('/')} />
      <p>
        {t('haveAccount')} <Link to="/sign-in">{t('signIn')}</Link>
      </p>
    </section>
  );
}
