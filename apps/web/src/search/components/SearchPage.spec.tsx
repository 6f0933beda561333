import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { SearchQuery } from '../api/search';
import { SearchPage } from './SearchPage';

const spaces = [
  { __typename: 'Space', id: 's0', slug: 'news', kind: 'ANNOUNCEMENTS' },
  { __typename: 'Space', id: 's1', slug: 'help', kind: 'HELP' },
];

const result = {
  __typename: 'SearchResult',
  rank: 0.6,
  titleHtml: 'Ma <mark>carte</mark> est refusée',
  snippetHtml: 'Depuis hier ma <mark>carte</mark> est refusée &lt;b&gt;',
  thread: {
    __typename: 'Thread',
    id: 't1',
    title: 'Ma carte est refusée',
    status: 'ANSWERED',
    language: 'fr',
    repliesCount: 3,
    space: { __typename: 'Space', id: 's1', slug: 'help', name: 'Aide' },
  },
  post: { __typename: 'Post', id: 'p1', isQuestion: true },
};

describe('searching', () => {
  it('shows the results of the query in the address, with the matched words highlighted', async () => {
    renderWithProviders(<SearchPage />, {
      language: 'fr',
      path: '/search?q=carte',
      mocks: [
        {
          request: { query: SearchQuery, variables: { query: 'carte' } },
          result: { data: { search: [result], spaces } },
        },
      ],
    });
    expect(screen.getByRole('searchbox', { name: 'Rechercher dans la communauté' })).toHaveValue('carte');
    expect(await screen.findByRole('heading', { name: '1 résultat pour « carte »' })).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Ma carte est refusée' });
    expect(link).toHaveAttribute('href', '/t/t1');
    expect(link.querySelector('mark')).toHaveTextContent('carte');
    // Escaped text stays text.
    expect(screen.getByText(/Depuis hier ma/)).toHaveTextContent('Depuis hier ma carte est refusée <b>');
  });

  it('does not search for nothing', async () => {
    renderWithProviders(<SearchPage />, { path: '/search' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when nothing matches, and offers fewer words or asking with the words as the title', async () => {
    renderWithProviders(<SearchPage />, {
      path: '/search?q=blue+charger+zzz',
      mocks: [
        {
          request: { query: SearchQuery, variables: { query: 'blue charger zzz' } },
          result: { data: { search: [], spaces } },
        },
      ],
    });
    expect(await screen.findByText('No result for “blue charger zzz”.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Search for “blue charger”' })).toHaveAttribute(
      'href',
      '/search?q=blue+charger',
    );
    expect(screen.getByRole('link', { name: 'Ask this question' })).toHaveAttribute(
      'href',
      '/s/help/new?title=blue+charger+zzz',
    );
  });
});
