import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, renderWithProviders } from '../../testing/render';
import { CreateThreadMutation } from '../api/threads';
import { AnnouncementForm } from './AnnouncementForm';

const publish = (pinned: boolean, result: object) => ({
  request: {
    query: CreateThreadMutation,
    variables: {
      input: {
        spaceId: 'news',
        title: 'Nouveau magasin',
        bodyMarkdown: 'Ouvert samedi.',
        language: 'fr',
        pinned,
      },
    },
  },
  result,
});

describe('publishing an announcement', () => {
  it('sends it pinned by default, then opens it', async () => {
    const onCreated = jest.fn();
    renderWithProviders(<AnnouncementForm spaceId="news" onCreated={onCreated} />, {
      mocks: [publish(true, { data: { createThread: { __typename: 'Thread', id: 'a1' } } })],
      language: 'fr',
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre'), 'Nouveau magasin');
    await user.type(screen.getByRole('textbox', { name: 'Annonce' }), 'Ouvert samedi.');
    expect(screen.getByRole('checkbox', { name: /L’épingler/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Publier' }));
    await screen.findByRole('button', { name: 'Publier' });
    expect(onCreated).toHaveBeenCalledWith('a1');
  });

  it('words a refusal in the reader’s language from its reason, not the API’s English', async () => {
    renderWithProviders(<AnnouncementForm spaceId="news" onCreated={jest.fn()} />, {
      mocks: [
        publish(false, {
          errors: [
            {
              ...apiError('FORBIDDEN', 'Only the brand’s staff and moderators publish announcements.'),
              extensions: { code: 'FORBIDDEN', reason: 'ANNOUNCEMENTS_BY_STAFF' },
            },
          ],
        }),
      ],
      language: 'fr',
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre'), 'Nouveau magasin');
    await user.type(screen.getByRole('textbox', { name: 'Annonce' }), 'Ouvert samedi.');
    await user.click(screen.getByRole('checkbox', { name: /L’épingler/ }));
    await user.click(screen.getByRole('button', { name: 'Publier' }));
    expect(
      await screen.findByText(/Seuls l’équipe de la marque et les modérateurs publient/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Only the brand/)).not.toBeInTheDocument();
  });
});
