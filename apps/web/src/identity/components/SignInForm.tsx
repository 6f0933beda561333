import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';
import { useProblemMessage } from '../../components/ErrorNotice';
import { apiProblems } from '../../lib/graphql-errors';
import { SignInMutation } from '../api/identity';
import { useSessionChange } from '../hooks/useSessionChange';

export function SignInForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('identity');
  const problemMessage = useProblemMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [signIn, { loading }] = useMutation(SignInMutation);
  const sessionChanged = useSessionChange();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      email: email.trim() ? undefined : t('errors.emailRequired'),
      password: password ? undefined : t('errors.passwordRequired'),
    };
    setErrors(found);
    if (found.email || found.password) return;
    try {
      await signIn({ variables: { input: { email, password } } });
    } catch (error) {
      const [problem] = apiProblems(error);
      // The API does not say which part was wrong, and neither do we.
      setErrors({
        form: problem?.code === 'UNAUTHENTICATED' ? t('errors.wrongCredentials') : problemMessage(problem),
      });
      return;
    }
    const refetched = sessionChanged();
    onDone();
    await refetched;
  };

  return (
    // POST: a form sent before the page is hydrated must not put the password in the address.
    <form method="post" onSubmit={(event) => void submit(event)} noValidate className="form">
      {errors.form && (
        <div role="alert" className="notice notice-error">
          {errors.form}
        </div>
      )}
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        required
      />
      <TextField
        label={t('fields.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('submitting') : t('submitSignIn')}
      </button>
    </form>
  );
}
