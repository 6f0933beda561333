import { screen, within } from '@testing-library/react';
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
                recentQuestions: [
                  {
                    __typename: 'Thread',
                    id: 't1',
                    title: '¿Qué cargador sirve?',
                    status: 'OPEN',
                    repliesCount: 1,
                    createdAt: '2026-11-01T10:00:00.000Z',
                  },
                ],
                recentAnswers: [
                  {
                    __typename: 'ProfileAnswer',
                    post: {
                      __typename: 'Post',
                      id: 'p1',
                      isAcceptedAnswer: true,
                      thanksCount: 2,
                      createdAt: '2026-11-02T10:00:00.000Z',
                    },
                    thread: { __typename: 'Thread', id: 't2', title: '¿Dura la batería un día?' },
                  },
                ],
                recentIdeas: [],
              },
              spaces: [{ __typename: 'Space', id: 's1', slug: 'ayuda', kind: 'HELP' }],
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Diego Ruiz Experto' })).toBeInTheDocument();
    expect(screen.getByText('Reputación').nextSibling).toHaveTextContent('49');
    expect(screen.getByText('Agradecimientos recibidos').nextSibling).toHaveTextContent('2');
    expect(screen.getByText('Respuestas aceptadas').nextSibling).toHaveTextContent('3');
    const questions = screen.getByRole('region', { name: 'Preguntas' });
    expect(within(questions).getByRole('link', { name: '¿Qué cargador sirve?' })).toHaveAttribute(
      'href',
      '/t/t1',
    );
    const answers = screen.getByRole('region', { name: 'Respuestas' });
    expect(within(answers).getByRole('link', { name: '¿Dura la batería un día?' })).toHaveAttribute(
      'href',
      '/t/t2',
    );
    expect(within(answers).getByText('Respuesta aceptada')).toBeInTheDocument();
    expect(within(answers).getByText(/2 agradecimientos/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Ideas' })).toHaveTextContent(
      'Diego Ruiz todavía no ha propuesto ninguna idea.',
    );
  });
});
