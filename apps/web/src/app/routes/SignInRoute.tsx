import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHead } from '../../components/PageHead';
import { SignInForm } from '../../identity/components/SignInForm';
import { safeReturnPath } from '@parvis/domain';
import { withReturnTo } from '../../lib/return-to';

export function SignInRoute() {
  const { t } = useTranslation('identity');
  const navigate = useNavigate();
  // Back where the person was (a path of this site only), or home.
  const returnTo = safeReturnPath(useSearchParams()[0].get('returnTo'));
  return (
    <section className="narrow">
      <PageHead title={t('signInTitle')} noIndex />
      <h1>{t('signInTitle')}</h1>
      <SignInForm onDone={() => void navigate(returnTo ?? '/')} />
      <p>
        <Link to="/forgot-password">{t('forgotLink')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link to={withReturnTo('/sign-up', returnTo)}>{t('signUp')}</Link>
      </p>
    </section>
  );
}
