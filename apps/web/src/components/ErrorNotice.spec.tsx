import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../testing/render';
import { ErrorNotice } from './ErrorNotice';

/** A failed request as Apollo hands it to a component: the API's errors, formatted as the API does. */
function failure(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

const BUDGET = failure(
  'You have used all 3 of your votes in “Next flavour”. Withdraw one of them to vote for this idea.',
  { code: 'CONFLICT', field: 'ideaId', reason: 'BUDGET_SPENT', votesPerMember: 3, campaign: 'Next flavour' },
);

describe('an error from the API, shown to a reader', () => {
  it('is worded from its reason, with its values, in the reader’s language', () => {
    renderWithProviders(<ErrorNotice error={BUDGET} />, { language: 'fr' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Vous avez utilisé vos 3 votes dans « Next flavour ». Retirez-en un pour voter pour cette idée.',
    );
  });

  it('says how long to wait, in minutes, when there were too many attempts', () => {
    const limited = failure('Too many failed sign-in attempts. Wait 15 minutes, then try again.', {
      code: 'RATE_LIMITED',
      reason: 'RATE_LIMITED',
      retryAfter: 610,
    });
    renderWithProviders(<ErrorNotice error={limited} />, { language: 'es' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Demasiados intentos. Espera 11 min y vuelve a intentarlo.',
    );
  });

  it('falls back to a sentence for its code, never the API’s English, when the reason is unknown', () => {
    const unknown = failure('This thread is already pinned.', { code: 'CONFLICT', reason: 'SOMETHING_NEW' });
    renderWithProviders(<ErrorNotice error={unknown} />, { language: 'es' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'No se puede hacer ahora: puede que la página no esté al día. Recárgala e inténtalo de nuevo.',
    );
    expect(screen.queryByText(/already pinned/)).toBeNull();
  });

  it('in English, keeps the API’s own sentence for a reason the app has no words for', () => {
    const unknown = failure('This thread is already pinned.', { code: 'CONFLICT', reason: 'CONFLICT' });
    renderWithProviders(<ErrorNotice error={unknown} />, { language: 'en' });
    expect(screen.getByRole('alert')).toHaveTextContent('This thread is already pinned.');
  });
});
