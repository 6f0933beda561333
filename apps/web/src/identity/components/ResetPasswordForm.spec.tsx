import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, renderWithProviders } from '../../testing/render';
import { ResetPasswordMutation } from '../api/identity';
import { ResetPasswordForm } from './ResetPasswordForm';

const token = 'a-token-from-the-mail-0123456789abcdefghijk';

async function choose(password: string, label = 'New password', button = 'Save and sign in') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(label), password);
  await user.click(screen.getByRole('button', { name: button }));
}

describe('the reset-password form', () => {
  it('explains a too short password before asking the API', async () => {
    renderWithProviders(<ResetPasswordForm token={token} onDone={jest.fn()} />);
    await choose('short');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/at least 10 characters/);
  });

  it('says in the reader’s language when the link is dead, and how to get a new one', async () => {
    const onDone = jest.fn();
    renderWithProviders(<ResetPasswordForm token={token} onDone={onDone} />, {
      language: 'fr',
      mocks: [
        {
          request: {
            query: ResetPasswordMutation,
            variables: { input: { token, password: 'a new passphrase' } },
          },
          result: { errors: [new GraphQLError('expired', apiError('BAD_USER_INPUT', 'expired', 'token'))] },
        },
      ],
    });
    await choose('a new passphrase', 'Nouveau mot de passe', 'Enregistrer et me connecter');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Ce lien a expiré ou a déjà servi/);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('moves on once the password is saved', async () => {
    const onDone = jest.fn();
    renderWithProviders(<ResetPasswordForm token={token} onDone={onDone} />, {
      mocks: [
        {
          request: {
            query: ResetPasswordMutation,
            variables: { input: { token, password: 'a new passphrase' } },
          },
          result: {
            data: { resetPassword: { __typename: 'AuthPayload', user: { __typename: 'User', id: 'u1' } } },
          },
        },
      ],
    });
    await choose('a new passphrase');
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });
});
