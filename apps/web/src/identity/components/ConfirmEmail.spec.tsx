import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { ConfirmEmailMutation } from '../api/identity';
import { ConfirmEmail } from './ConfirmEmail';

const TOKEN = 'k3Jd0cXq1v8Zb7yWm2LpR5tN9sHf4gAe6uIoPjQwErT';
const confirmed = {
  request: { query: ConfirmEmailMutation, variables: { input: { token: TOKEN } } },
  result: { data: { confirmEmail: { __typename: 'EmailAddressResult', email: 'ana@example.com' } } },
};

describe('the confirmation link’s landing page', () => {
  it('confirms the address, then offers the way back to the page they signed up from', async () => {
    renderWithProviders(<ConfirmEmail token={TOKEN} returnTo="/t/42?sort=old#reply" />, {
      mocks: [confirmed],
      language: 'es',
      path: `/confirm-email?token=${TOKEN}`,
    });
    expect(await screen.findByText('ana@example.com está confirmada. ¡Gracias!')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volver a la página que estaba leyendo' })).toHaveAttribute(
      'href',
      '/t/42?sort=old#reply',
    );
  });

  it('leads to the community’s home page when there is no page to come back to', async () => {
    renderWithProviders(<ConfirmEmail token={TOKEN} />, { mocks: [confirmed] });
    expect(await screen.findByRole('link', { name: 'Go to the community' })).toHaveAttribute('href', '/');
  });
});
