import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckInbox } from '../../identity/components/CheckInbox';
import { SignUpForm } from '../../identity/components/SignUpForm';

export function SignUpRoute() {
  const { t } = useTranslation('identity');
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <section className="narrow">
      <h1>{t('signUpTitle')}</h1>
      {sentTo ? <CheckInbox email={sentTo} /> : <SignUpForm onDone={setSentTo} />}
      <p>
        {t('haveAccount')} <Link to="/sign-in">{t('signIn')}</Link>
      </p>
    </section>
  );
}
