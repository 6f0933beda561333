import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { CrisisBannerQuery } from '../api/moderation';
import { CrisisBanner } from './CrisisBanner';

const banner = (crisisBanner: unknown) => ({
  request: { query: CrisisBannerQuery },
  result: { data: { crisisBanner } },
});

describe('the crisis banner', () => {
  it('shows the official statement with a link to its pinned discussion', async () => {
    renderWithProviders(<CrisisBanner />, {
      language: 'es',
      mocks: [
        banner({
          __typename: 'CrisisBanner',
          id: 'b1',
          title: 'Incidencia de pagos',
          bodyHtml: '<p>Ningún cargo duplicado.</p>',
          publishedAt: '2026-11-23T08:00:00.000Z',
          thread: { __typename: 'Thread', id: 't1', title: 'Incidencia del 23 de noviembre' },
        }),
      ],
    });
    const aside = await screen.findByRole('complementary', { name: 'Comunicado oficial' });
    expect(aside).toHaveTextContent('Incidencia de pagos');
    expect(aside).toHaveTextContent('Ningún cargo duplicado.');
    expect(screen.getByRole('link', { name: 'Participar en la conversación' })).toHaveAttribute(
      'href',
      '/t/t1',
    );
  });
});
