import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UnsubscribeMutation } from '../api/mail';

/** The page of a mail's unsubscribe link: one button, no sign-in needed (the link is signed). */
export function Unsubscribe({ token }: { token: string }) {
  const { t } = useTranslation('mail');
  const [unsubscribe, { data, error, loading }] = useMutation(UnsubscribeMutation);

  if (data) {
    return (
      <p role="status" className="notice">
        {t('unsubscribe.done')}
      </p>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {(error || !token) && (
        <div role="alert" className="notice notice-error">
          {t('unsubscribe.badLink')}
        </div>
      )}
      <p>{t('unsubscribe.intro')}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={loading || !token}
        onClick={() => void unsubscribe({ variables: { input: { token } } }).catch(() => undefined)}
      >
        {t('unsubscribe.submit')}
      </button>
    </section>
  );
}
