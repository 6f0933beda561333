import { useMutation } from '@apollo/client/react';
import { LIMITS, passwordProblem } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { RegisterMutation } from '../api/identity';

type Field = 'email' | 'displayName' | 'password';

/**
 * Checks the same rules as the API (shared in @parvis/domain) before sending, so most mistakes
 * are explained at once in the reader's language. The API answers the same whether or not the
 * address already has an account: `onDone` receives the address whose inbox holds the next step.
 * `returnTo`, the page the person came from, travels in the confirmation link.
 */
export function SignUpForm({
  onDone,
  returnTo = null,
}: {
  onDone: (email: string) => void;
  returnTo?: string | null;
}) {
  const { t, i18n } = useTranslation('identity');
  const [values, setValues] = useState({ email: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [register, { loading, error }] = useMutation(RegisterMutation);

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const email = values.email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) found.email = t('errors.emailInvalid');
    const name = values.displayName.trim();
    if (name.length < LIMITS.displayName.min || name.length > LIMITS.displayName.max) {
      found.displayName = t('errors.displayName', {
        min: LIMITS.displayName.min,
        max: LIMITS.displayName.max,
      });
    }
    const problem = passwordProblem(values.password, email);
    if (problem)
      found.password = t(`errors.${problem}`, { min: LIMITS.password.min, max: LIMITS.password.max });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    let email: string;
    try {
      const { data } = await register({
        variables: { input: { ...values, locale: i18n.resolvedLanguage, ...(returnTo ? { returnTo } : {}) } },
      });
      email = data!.register.email;
    } catch (problem) {
      const byField = fieldErrors(problem);
      setErrors({
        email: byField.email?.message,
        displayName: byField.displayName?.message,
        password: byField.password?.message,
      });
      return;
    }
    onDone(email);
  };

  const serverFormError = error && !Object.values(errors).some(Boolean) ? error : null;
  const change = (field: Field) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  return (
    // POST: a form sent before the page is hydrated must not put the password in the address.
    <form method="post" onSubmit={(event) => void submit(event)} noValidate className="form">
      <ErrorNotice error={serverFormError} />
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={change('email')}
        error={errors.email}
        required
      />
      <TextField
        label={t('fields.displayName')}
        autoComplete="nickname"
        value={values.displayName}
        onChange={change('displayName')}
        error={errors.displayName}
        maxLength={LIMITS.displayName.max}
        required
      />
      <TextField
        label={t('fields.password')}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={change('password')}
        hint={t('fields.passwordHint')}
        error={errors.password}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('submitting') : t('submitSignUp')}
      </button>
    </form>
  );
}
