import { useMutation } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSkeleton } from '../../components/Skeleton';
import { fieldErrors } from '../../lib/graphql-errors';
import { ConfirmEmailMutation } from '../api/identity';

/**
 * The landing page of a confirmation link: confirms once, on arrival, then offers the way back to
 * `returnTo` (the page the person signed up from, checked by the caller), else the home page.
 */
export function ConfirmEmail({ token, returnTo = null }: { token: string; returnTo?: string | null }) {
  const { t } = useTranslation('identity');
  const [confirm, { data, error, called }] = useMutation(ConfirmEmailMutation);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm({ variables: { input: { token } } }).catch(() => undefined);
  }, [confirm, token]);

  if (!token || error) {
    const taken = fieldErrors(error).token?.code === 'CONFLICT';
    return (
      <div role="alert" className="notice notice-error">
        {taken ? t('confirm.taken') : t('reset.linkDead')}
      </div>
    );
  }
  if (!called || !data) return <PageSkeleton />;
  return (
    <div role="status" className="notice">
      <p>{t('confirm.done', { email: data.confirmEmail.email })}</p>
      <Link to={returnTo ?? '/'}>{returnTo ? t('confirm.back') : t('confirm.continue')}</Link>
    </div>
  );
}
