import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithProviders } from '../../testing/render';
import { MentionMembersQuery } from '../api/threads';
import { mentionBeingTyped, MentionSuggestions } from './MentionSuggestions';

function Editor({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <output>{value}</output>
      <MentionSuggestions value={value} onChange={setValue} />
    </>
  );
}

describe('mention autocomplete', () => {
  it('finds the name being typed after an @', () => {
    expect(mentionBeingTyped('Ask @Sa')).toBe('Sa');
    expect(mentionBeingTyped('Ask @S')).toBeNull();
    expect(mentionBeingTyped('mail me at a@b')).toBeNull();
    expect(mentionBeingTyped('@Sarah done')).toBeNull();
  });

  it('offers members whose name starts so, and writes the mention of the one picked', async () => {
    renderWithProviders(<Editor initial="Ask @Sa" />, {
      mocks: [
        {
          request: { query: MentionMembersQuery, variables: { prefix: 'Sa' } },
          result: { data: { members: [{ __typename: 'User', id: 'u1', displayName: 'Sarah Martin' }] } },
        },
      ],
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: '@Sarah Martin' }));
    expect(screen.getByRole('status')).toHaveTextContent('Ask @[Sarah Martin](u1)');
  });
});
