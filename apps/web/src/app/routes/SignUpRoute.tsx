import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHead } from '../../components/PageHead';
import { CheckInbox } from '../../identity/components/CheckInbox';
import { SignUpForm } from '../../identity/components/SignUpForm';
import { safeReturnPath } from '@parvis/domain';
import { withReturnTo } from '../../lib/return-to';

export function SignUpRoute() {
  const { t } = useTranslation('identity');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const returnTo = safeReturnPath(useSearchParams()[0].get('returnTo'));
  return (
    <section className="narrow">
      <PageHead title={t('signUpTitle')} noIndex />
      <h1>{t('signUpTitle')}</h1>
      {sentTo ? (
        <CheckInbox email={sentTo} returnTo={returnTo} />
      ) : (
        <SignUpForm returnTo={returnTo} onDone={setSentTo} />
      )}
      <p>
        {t('haveAccount')} <Link to={withReturnTo('/sign-in', returnTo)}>{t('signIn')}</Link>
      </p>
    </section>
  );
}
