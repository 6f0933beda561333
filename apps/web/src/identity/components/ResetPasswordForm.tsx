import { useMutation } from '@apollo/client/react';
import { LIMITS, passwordProblem } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { ResetPasswordMutation } from '../api/identity';
import { useSessionChange } from '../hooks/useSessionChange';

/** Chooses a new password from the mailed link's token; signs in, and every other session out. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation('identity');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ password?: string; token?: string }>({});
  const [reset, { loading, error }] = useMutation(ResetPasswordMutation);
  const sessionChanged = useSessionChange();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, '');
    if (problem) {
      setErrors({ password: t(`errors.${problem}`, { min: LIMITS.password.min, max: LIMITS.password.max }) });
      return;
    }
    setErrors({});
    try {
      await reset({ variables: { input: { token, password } } });
    } catch (failure) {
      const byField = fieldErrors(failure);
      setErrors({
        password: byField.password?.message,
        token: byField.token ? t('reset.linkDead') : undefined,
      });
      return;
    }
    const refetched = sessionChanged();
    onDone();
    await refetched;
  };

  if (!token) return <p className="notice notice-error">{t('reset.linkDead')}</p>;
  return (
    // POST: a form sent before the page is hydrated must not put the password in the address.
    <form method="post" onSubmit={(event) => void submit(event)} noValidate className="form">
      {errors.token && (
        <div role="alert" className="notice notice-error">
          {errors.token}
        </div>
      )}
      {!errors.token && !errors.password && <ErrorNotice error={error} />}
      <TextField
        label={t('reset.newPassword')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={t('fields.passwordHint')}
        error={errors.password}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('submitting') : t('reset.submit')}
      </button>
    </form>
  );
}
