import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, renderWithProviders } from '../../testing/render';
import { CloseAccountMutation } from '../api/identity';
import { YourData } from './YourData';

const close = (password: string) => ({ query: CloseAccountMutation, variables: { input: { password } } });

describe('your data', () => {
  it('offers the download of everything stored about you', () => {
    renderWithProviders(<YourData onClosed={jest.fn()} />);
    const link = screen.getByRole('link', { name: 'Download my data' });
    expect(link).toHaveAttribute('href', '/me/export.json');
    expect(link).toHaveAttribute('download');
  });

  it('closes the account only after the password is confirmed, then leaves for the home page', async () => {
    const user = userEvent.setup();
    const onClosed = jest.fn();
    renderWithProviders(<YourData onClosed={onClosed} />, {
      mocks: [{ request: close('my passphrase'), result: { data: { closeAccount: 'u1' } } }],
    });
    expect(screen.queryByLabelText('Your password')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close my account…' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/for good/);
    await user.click(screen.getByRole('button', { name: 'Close my account for good' }));
    expect(screen.getByLabelText('Your password')).toHaveAccessibleDescription('Enter your password.');
    await user.type(screen.getByLabelText('Your password'), 'my passphrase');
    await user.click(screen.getByRole('button', { name: 'Close my account for good' }));
    await waitFor(() => expect(onClosed).toHaveBeenCalledTimes(1));
  });

  it('says in the reader’s language when the password is wrong, and keeps the account', async () => {
    const user = userEvent.setup();
    const onClosed = jest.fn();
    renderWithProviders(<YourData onClosed={onClosed} />, {
      language: 'es',
      mocks: [
        {
          request: close('not it'),
          result: {
            errors: [
              new GraphQLError('wrong', apiError('BAD_USER_INPUT', 'The password is wrong.', 'password')),
            ],
          },
        },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Cerrar mi cuenta…' }));
    await user.type(screen.getByLabelText('Tu contraseña'), 'not it');
    await user.click(screen.getByRole('button', { name: 'Cerrar mi cuenta definitivamente' }));
    expect(await screen.findByText('Esta contraseña es incorrecta.')).toBeInTheDocument();
    expect(onClosed).not.toHaveBeenCalled();
  });
});
