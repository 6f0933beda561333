import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { ContributorQuery } from '../api/threads';
import { ContributorProfile } from './ContributorProfile';

describe('a contributor’s profile', () => {
  it('shows their reputation, the thanks they received and their accepted answers, with their badge', async () => {
    renderWithProviders(<ContributorProfile id="e1" />, {
      language: 'es',
      mocks: [
        {
          request: { query: ContributorQuery, variables: { id: 'e1' } },
          result: {
            data: {
              user: {
                __typename: 'User',
                id: 'e1',
                displayName: 'Diego Ruiz',
                role: 'EXPERT',
                reputation: 49,
                thanksReceived: 2,
                acceptedAnswers: 3,
                createdAt: '2026-01-10T10:00:00.000Z',
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Diego Ruiz Experto' })).toBeInTheDocument();
    expect(screen.getByText('Reputación').nextSibling).toHaveTextContent('49');
    expect(screen.getByText('Agradecimientos recibidos').nextSibling).toHaveTextContent('2');
    expect(screen.getByText('Respuestas aceptadas').nextSibling).toHaveTextContent('3');
  });
});
