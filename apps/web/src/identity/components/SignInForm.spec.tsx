import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, renderWithProviders } from '../../testing/render';
import { SignInMutation } from '../api/identity';
import { SignInForm } from './SignInForm';

describe('the sign-in form', () => {
  it('says the e-mail or the password is wrong, without saying which', async () => {
    renderWithProviders(<SignInForm onDone={jest.fn()} />, {
      mocks: [
        {
          request: {
            query: SignInMutation,
            variables: { input: { email: 'ana@example.com', password: 'wrong one!' } },
          },
          result: { errors: [new GraphQLError('no', apiError('UNAUTHENTICATED', 'no'))] },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail address'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong one!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail address or the password is wrong.',
    );
  });

  it('asks for the missing fields without calling the API', async () => {
    renderWithProviders(<SignInForm onDone={jest.fn()} />, { language: 'es' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    expect(screen.getByLabelText('Correo electrónico')).toHaveAccessibleDescription(
      'Introduzca su correo electrónico.',
    );
    expect(screen.getByLabelText('Contraseña')).toHaveAccessibleDescription('Introduzca su contraseña.');
  });
});
