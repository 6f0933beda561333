import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { CloseAccountMutation } from '../api/identity';
import { useSessionChange } from '../hooks/useSessionChange';

/**
 * "Your data": download everything Parvis stores about you (a JSON file from /me/export.json),
 * or close your account for good, after confirming with your password. What you wrote stays,
 * signed "Former member"; your name, e-mail and profile are erased.
 */
export function YourData({ onClosed }: { onClosed: () => void }) {
  const { t } = useTranslation('identity');
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [close, { loading, error: apiError }] = useMutation(CloseAccountMutation);
  const sessionChanged = useSessionChange();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError(t('errors.passwordRequired'));
      return;
    }
    setError(undefined);
    try {
      await close({ variables: { input: { password } } });
    } catch (problem) {
      setError(fieldErrors(problem).password?.message ? t('yourData.wrongPassword') : undefined);
      return;
    }
    const refetched = sessionChanged();
    onClosed();
    await refetched;
  };

  return (
    <section className="your-data" aria-labelledby="your-data-title">
      <h2 id="your-data-title">{t('yourData.title')}</h2>
      <p>{t('yourData.downloadIntro')}</p>
      <a className="button" href="/me/export.json" download>
        {t('yourData.download')}
      </a>

      <h3>{t('yourData.closeTitle')}</h3>
      <p>{t('yourData.closeIntro')}</p>
      {!confirming ? (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('yourData.close')}
        </button>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <p role="alert" className="notice">
            {t('yourData.closeWarning')}
          </p>
          {!error && <ErrorNotice error={apiError} />}
          <TextField
            label={t('yourData.confirmPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={error}
            required
          />
          <button type="submit" className="button button-danger" disabled={loading}>
            {loading ? t('submitting') : t('yourData.closeForGood')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('yourData.keep')}
          </button>
        </form>
      )}
    </section>
  );
}
