import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';

const PEOPLE = gql`
  query People {
    members(prefix: "") {
      id
      displayName
      closed
    }
  }
`;

function Names() {
  const { data } = useQuery<{ members: { id: string; displayName: string }[] }>(PEOPLE);
  return (
    <ul>
      {data?.members.map((m) => (
        <li key={m.id}>{m.displayName}</li>
      ))}
    </ul>
  );
}

describe('a closed account’s name', () => {
  it('reads "Former member" in the reader’s language, and other names as they are', async () => {
    renderWithProviders(<Names />, {
      language: 'fr',
      mocks: [
        {
          request: { query: PEOPLE },
          result: {
            data: {
              members: [
                { __typename: 'User', id: 'a', displayName: 'Former member', closed: true },
                { __typename: 'User', id: 'b', displayName: 'Inès Moreau', closed: false },
              ],
            },
          },
        },
      ],
    });
    expect(await screen.findByText('Ancien membre')).toBeInTheDocument();
    expect(screen.getByText('Inès Moreau')).toBeInTheDocument();
    expect(screen.queryByText('Former member')).not.toBeInTheDocument();
  });
});
