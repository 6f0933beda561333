import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withReturnTo } from '../../lib/return-to';

/** After sign-up: the same words whether the address was new or already had an account. */
export function CheckInbox({ email, returnTo }: { email: string; returnTo?: string | null }) {
  const { t } = useTranslation('identity');
  return (
    <div role="status" className="notice">
      <h2>{t('checkInbox.title')}</h2>
      <p>{t('checkInbox.sent', { email })}</p>
      <p>{t('checkInbox.meanwhile')}</p>
      <p>
        <Link to={withReturnTo('/sign-in', returnTo)} className="button button-primary">
          {t('signIn')}
        </Link>
      </p>
    </div>
  );
}
