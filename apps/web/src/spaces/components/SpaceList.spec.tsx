import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { SpacesQuery } from '../api/spaces';
import { SpaceList } from './SpaceList';

const spaces = [
  {
    __typename: 'Space',
    id: 's1',
    slug: 'help',
    name: 'Help & support',
    description: 'Ask a question',
    kind: 'HELP',
  },
  { __typename: 'Space', id: 's2', slug: 'ideas', name: 'Idea box', description: 'Vote', kind: 'IDEAS' },
];

describe('the list of spaces', () => {
  it('shows each space with its kind and a link to it', async () => {
    renderWithProviders(<SpaceList />, {
      mocks: [{ request: { query: SpacesQuery }, result: { data: { spaces } } }],
      language: 'fr',
    });
    expect(await screen.findByRole('link', { name: 'Help & support' })).toHaveAttribute('href', '/s/help');
    expect(screen.getByRole('link', { name: 'Idea box' })).toHaveAttribute('href', '/s/ideas');
    expect(screen.getByText('Entraide')).toBeInTheDocument();
  });

  it('says when the API cannot be reached', async () => {
    renderWithProviders(<SpaceList />, {
      mocks: [{ request: { query: SpacesQuery }, error: new TypeError('Failed to fetch') }],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Parvis');
  });
});
