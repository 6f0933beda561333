import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, renderWithProviders } from '../../testing/render';
import { RegisterMutation } from '../api/identity';
import { SignUpForm } from './SignUpForm';

const input = { email: 'ana@example.com', displayName: 'Ana', password: 'a long passphrase', locale: 'en' };

async function fillAndSubmit(values: Partial<typeof input> = {}) {
  const v = { ...input, ...values };
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('E-mail address'), v.email);
  await user.type(screen.getByLabelText('Your name, as others will see it'), v.displayName);
  await user.type(screen.getByLabelText('Password'), v.password);
  await user.click(screen.getByRole('button', { name: 'Create my account' }));
}

describe('the sign-up form', () => {
  it('explains a too short password beside the field, before asking the API', async () => {
    const onDone = jest.fn();
    renderWithProviders(<SignUpForm onDone={onDone} />);
    await fillAndSubmit({ password: 'short' });
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/at least 10 characters/);
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('speaks the reader’s language: the same mistake in French', async () => {
    renderWithProviders(<SignUpForm onDone={jest.fn()} />, { language: 'fr' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Adresse e-mail'), 'pas-une-adresse');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription(
      /Saisissez une adresse e-mail valide/,
    );
  });

  it('shows the API’s field error beside its field', async () => {
    const onDone = jest.fn();
    renderWithProviders(<SignUpForm onDone={onDone} />, {
      mocks: [
        {
          request: { query: RegisterMutation, variables: { input } },
          result: {
            errors: [
              new GraphQLError(
                'Choose a password different from your e-mail address.',
                apiError(
                  'BAD_USER_INPUT',
                  'Choose a password different from your e-mail address.',
                  'password',
                ),
              ),
            ],
          },
        },
      ],
    });
    await fillAndSubmit();
    await waitFor(() =>
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/different from your e-mail/),
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('hands on the address to check once the API answered (the same answer for a known address)', async () => {
    const onDone = jest.fn();
    renderWithProviders(<SignUpForm onDone={onDone} />, {
      mocks: [
        {
          request: { query: RegisterMutation, variables: { input } },
          result: { data: { register: { __typename: 'RegisterResult', email: 'ana@example.com' } } },
        },
      ],
    });
    await fillAndSubmit();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('ana@example.com'));
  });

  it('sends the page the person came from, for the confirmation link to lead back to it', async () => {
    const onDone = jest.fn();
    renderWithProviders(<SignUpForm onDone={onDone} returnTo="/t/42#reply" />, {
      mocks: [
        {
          request: { query: RegisterMutation, variables: { input: { ...input, returnTo: '/t/42#reply' } } },
          result: { data: { register: { __typename: 'RegisterResult', email: 'ana@example.com' } } },
        },
      ],
    });
    await fillAndSubmit();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('ana@example.com'));
  });
});
