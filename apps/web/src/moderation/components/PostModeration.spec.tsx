import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders, apiError } from '../../testing/render';
import { FlagMutation, HidePostMutation, RestorePostMutation } from '../api/moderation';
import { hiddenBy, moderatedPost, user } from '../testing/moderation-fixtures';
import { PostModerationView } from './PostModeration';

describe('flagging a post', () => {
  it('asks which charter rule it breaks, says disagreeing with the brand is not a reason, and sends the flag', async () => {
    const flagged = {
      request: {
        query: FlagMutation,
        variables: { input: { targetId: 'p1', reason: 'PERSONAL_DATA', note: 'A stranger’s number' } },
      },
      result: { data: { flag: { __typename: 'Post', id: 'p1', viewerHasFlagged: true } } },
    };
    renderWithProviders(<PostModerationView post={moderatedPost('p1')} replies={[]} />, { mocks: [flagged] });
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: 'Flag the post by Camille Martin' }));
    const dialog = screen.getByRole('dialog', { name: 'Flag this post to the moderators' });
    expect(dialog).toHaveTextContent(
      'Disagreeing with the brand, or criticising it, is not a reason to flag',
    );
    expect(screen.getByRole('link', { name: 'Read the charter' })).toHaveAttribute('href', '/charter');

    await person.click(screen.getByRole('button', { name: 'Send the flag' }));
    expect(screen.getByText('Choose the rule this post breaks.')).toBeInTheDocument();

    await person.click(screen.getByRole('radio', { name: /Personal data/ }));
    await person.type(screen.getByLabelText('Note for the moderators (optional)'), 'A stranger’s number');
    await person.click(screen.getByRole('button', { name: 'Send the flag' }));
    expect(await screen.findByRole('status')).toHaveTextContent('You flagged this post');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the API’s sentence when the member already flagged the post', async () => {
    const refused = {
      request: { query: FlagMutation, variables: { input: { targetId: 'p1', reason: 'SPAM', note: null } } },
      result: {
        errors: [
          apiError('CONFLICT', 'You have already flagged this post; moderators will look at it.', 'targetId'),
        ],
      },
    };
    renderWithProviders(<PostModerationView post={moderatedPost('p1')} replies={[]} />, { mocks: [refused] });
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: /Flag the post/ }));
    await person.click(screen.getByRole('radio', { name: /Spam or advertising/ }));
    await person.click(screen.getByRole('button', { name: 'Send the flag' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You have already flagged this post');
  });

  it('is not offered to visitors or on one’s own post', () => {
    renderWithProviders(
      <PostModerationView post={moderatedPost('p1', { viewerCanFlag: false })} replies={[]} />,
    );
    expect(screen.queryByRole('button', { name: /Flag/ })).toBeNull();
  });
});

describe('a hidden post', () => {
  it('shows readers who hid it, when and under which rule, in their language', () => {
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', { bodyHtml: '', viewerCanFlag: false, hidden: hiddenBy('Malik Benali') })}
        replies={[]}
      />,
      { language: 'fr' },
    );
    const notice = screen.getByRole('note');
    expect(notice).toHaveTextContent(/Masqué par Malik Benali le .*2026.* : Données personnelles\./);
    expect(notice).toHaveTextContent('Note du modérateur : Phone numbers stay private.');
    expect(notice).not.toHaveTextContent('Seuls vous et les modérateurs');
    expect(screen.getByRole('link', { name: 'Voir le journal de modération' })).toHaveAttribute(
      'href',
      '/moderation/log',
    );
  });

  it('tells its author that only they and the moderators still read it', () => {
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', {
          viewerCanEdit: true,
          viewerCanFlag: false,
          hidden: hiddenBy('Malik Benali'),
        })}
        replies={[]}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'Only you and the moderators can still read this post.',
    );
  });
});

describe('an answered post', () => {
  it('carries the answered mark with a link to the answer', () => {
    const answer = {
      __typename: 'Post' as const,
      id: 'p9',
      author: user('u-staff', 'Sarah (Parvis team)', 'STAFF'),
    };
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', { answered: answer, answeredAt: '2026-11-21T10:00:00.000Z' })}
        replies={[]}
      />,
    );
    expect(screen.getByText('Answered by Sarah (Parvis team)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read the answer' })).toHaveAttribute('href', '#post-p9');
  });

  it('offers staff, experts and moderators to mark it answered by one of the replies, shown with their first words', async () => {
    const reply = moderatedPost('p2', {
      author: user('u-staff', 'Sarah (Parvis team)', 'STAFF'),
      bodyHtml: '<p>Hello, I am <em>Sarah</em>: a new card is on its way, here is how to pay meanwhile.</p>',
    });
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', { viewerCanMarkAnswered: true })}
        replies={[moderatedPost('p1'), reply]}
      />,
    );
    const person = userEvent.setup();
    const open = await screen.findByRole('button', { name: 'Moderate the post by Camille Martin' });
    open.focus();
    await person.keyboard('{Enter}');
    await person.click(screen.getByRole('menuitem', { name: 'Mark answered…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Which reply answers this post?' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    const choices = within(dialog).getAllByRole('radio');
    expect(choices).toHaveLength(1);
    expect(choices[0]).toHaveFocus();
    expect(choices[0].closest('label')).toHaveTextContent(
      /^Sarah \(Parvis team\), .*Hello, I am Sarah: a new card is on its way, here is how to pay meanwhile\.$/,
    );
    await person.click(within(dialog).getByRole('button', { name: 'Mark answered' }));
    expect(within(dialog).getByText('Choose the reply that answers it.')).toBeInTheDocument();
    await person.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());
  });
});

describe('the moderation menu', () => {
  it('is offered to nobody who may not moderate the post, and not to experts when no reply may answer it', () => {
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', { viewerCanMarkAnswered: true })}
        replies={[moderatedPost('p1')]}
      />,
    );
    expect(screen.queryByRole('button', { name: /Moderate/ })).toBeNull();
  });

  it('by keyboard alone: arrows move between its items, Escape closes it and gives focus back to its button', async () => {
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', { viewerCanModerate: true, viewerCanMarkAnswered: true })}
        replies={[moderatedPost('p2')]}
      />,
      { language: 'fr' },
    );
    const person = userEvent.setup();
    const open = await screen.findByRole('button', { name: 'Modérer le message de Camille Martin' });
    expect(open).toHaveTextContent('Modérer');
    open.focus();
    await person.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Masquer…', 'Marquer comme répondu…']);
    await waitFor(() =>
      expect(menu).toHaveAttribute('aria-activedescendant', within(menu).getAllByRole('menuitem')[0].id),
    );
    await person.keyboard('{ArrowDown}');
    expect(menu).toHaveAttribute('aria-activedescendant', within(menu).getAllByRole('menuitem')[1].id);
    await person.keyboard('{ArrowUp}');
    expect(menu).toHaveAttribute('aria-activedescendant', within(menu).getAllByRole('menuitem')[0].id);
    await person.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(open).toHaveFocus();
  });

  it('offers to restore a hidden post, and restores it', async () => {
    const restored = {
      request: { query: RestorePostMutation, variables: { input: { postId: 'p1' } } },
      result: { data: { restorePost: moderatedPost('p1', { viewerCanModerate: true }) } },
    };
    renderWithProviders(
      <PostModerationView
        post={moderatedPost('p1', {
          viewerCanModerate: true,
          viewerCanFlag: false,
          hidden: hiddenBy('Malik Benali'),
        })}
        replies={[]}
      />,
      { mocks: [restored] },
    );
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Moderate the post by Camille Martin' }));
    expect(screen.queryByRole('menuitem', { name: 'Hide…' })).toBeNull();
    await person.click(screen.getByRole('menuitem', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });
});

describe('the hide dialog', () => {
  it('by keyboard alone: opened from the menu, takes focus, closes on Escape and gives focus back to the menu button', async () => {
    renderWithProviders(
      <PostModerationView post={moderatedPost('p1', { viewerCanModerate: true })} replies={[]} />,
    );
    const person = userEvent.setup();
    const open = await screen.findByRole('button', { name: 'Moderate the post by Camille Martin' });
    open.focus();
    await person.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menu')).toHaveFocus());
    await person.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Hide this post for a breach of the charter',
    });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    expect(within(dialog).getByLabelText('Rule broken')).toBeInTheDocument();
    await person.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());
  });

  it('hides the post under the rule chosen, and closes', async () => {
    const hidden = {
      request: {
        query: HidePostMutation,
        variables: { input: { postId: 'p1', reason: 'SPAM', note: 'Advertising' } },
      },
      result: {
        data: {
          hidePost: {
            ...moderatedPost('p1', { viewerCanModerate: true }),
            hidden: hiddenBy('Malik Benali'),
          },
        },
      },
    };
    renderWithProviders(
      <PostModerationView post={moderatedPost('p1', { viewerCanModerate: true })} replies={[]} />,
      { mocks: [hidden] },
    );
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Moderate the post by Camille Martin' }));
    await person.click(screen.getByRole('menuitem', { name: 'Hide…' }));
    const dialog = await screen.findByRole('dialog');
    await person.selectOptions(within(dialog).getByLabelText('Rule broken'), 'SPAM');
    await person.type(within(dialog).getByLabelText('Public explanation (optional)'), 'Advertising');
    await person.click(within(dialog).getByRole('button', { name: 'Hide the post' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('the flag dialog by keyboard alone', () => {
  it('takes focus when opened, closes on Escape and gives focus back to the Flag button', async () => {
    renderWithProviders(<PostModerationView post={moderatedPost('p1')} replies={[]} />);
    const person = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Flag the post by Camille Martin' });
    open.focus();
    await person.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Flag this post to the moderators' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));

    await person.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());
  });
});
