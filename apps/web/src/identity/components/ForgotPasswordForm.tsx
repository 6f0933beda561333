import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { RequestPasswordResetMutation } from '../api/identity';

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation('identity');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading, error: apiError }] = useMutation(RequestPasswordResetMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
      setError(t('errors.emailInvalid'));
      return;
    }
    setError(undefined);
    try {
      await request({ variables: { input: { email: trimmed } } });
    } catch (problem) {
      setError(fieldErrors(problem).email?.message);
      return;
    }
    setSentTo(trimmed);
  };

  if (sentTo) {
    return (
      <p role="status" className="notice">
        {t('forgot.sent', { email: sentTo })}
      </p>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <p>{t('forgot.intro')}</p>
      {!error && <ErrorNotice error={apiError} />}
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('submitting') : t('forgot.submit')}
      </button>
    </form>
  );
}
