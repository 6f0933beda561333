import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { useViewer, ViewerQuery } from '../../lib/viewer';
import { apiError, holdAnswers, renderWithProviders } from '../../testing/render';
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

  it('moves on as soon as the person is signed in, not once every query on screen has answered again', async () => {
    const refetches = holdAnswers('Viewer', { answeredFirst: 1 });
    const onDone = jest.fn();
    const me = { __typename: 'User', id: 'u1', displayName: 'Ana Asker', role: 'MEMBER', reputation: 0 };
    renderWithProviders(
      <>
        <SignInForm onDone={onDone} />
        <WhoReads />
      </>,
      {
        hold: refetches,
        mocks: [
          { request: { query: ViewerQuery }, result: { data: { me: null } } },
          {
            request: {
              query: SignInMutation,
              variables: { input: { email: 'ana@example.com', password: 'right one!' } },
            },
            result: {
              data: { signIn: { __typename: 'AuthPayload', user: { __typename: 'User', id: 'u1' } } },
            },
          },
          { request: { query: ViewerQuery }, result: { data: { me } } },
        ],
      },
    );
    expect(await screen.findByText('Reading as a visitor')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail address'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'right one!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // The page the person goes to (or opens meanwhile) is theirs at once, while what was on
    // screen is still being asked again: a late navigation would take them away from it.
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('Reading as Ana Asker')).toBeNull();
    refetches.release();
    expect(await screen.findByText('Reading as Ana Asker')).toBeInTheDocument();
  });
});

/** Something on screen that asks who reads, as the header does. */
function WhoReads() {
  const { viewer } = useViewer();
  return <p>{viewer ? `Reading as ${viewer.displayName}` : 'Reading as a visitor'}</p>;
}
