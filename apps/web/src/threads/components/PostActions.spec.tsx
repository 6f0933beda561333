import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { edges, post, user, viewerMock, threadPageAnswer, threadPageOfT1 } from '../testing/thread-fixtures';
import { quoteOf } from './PostView';

const expert = user('e1', 'Eva Expert', 'EXPERT');
const member = user('m1', 'Marc Member');

const twoReplies = {
  repliesCount: 2,
  posts: {
    __typename: 'PostConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
    edges: edges([
      post('p1', expert, 'Enable 3-D Secure.', { thanksCount: 2 }),
      post('p2', member, 'Mine too.', { viewerCanEdit: true }),
    ]),
  },
};

describe('the action bar of a post', () => {
  it('shows no Thank button to a visitor, only the count where there is one', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer({ ...twoReplies, viewerCanReply: false }), viewerMock(null)],
    });
    const answer = await screen.findByRole('article', { name: /^Eva Expert/ });
    expect(within(answer).getByText('2 thanks')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Thank / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Quote / })).toBeNull();
    // Each post has its own address to share.
    expect(
      within(answer).getByRole('link', { name: 'Copy the link to this post by Eva Expert' }),
    ).toHaveAttribute('href', '/t/t1#post-p1');
  });

  it('offers Thank on others’ posts only, and quotes a post into the reply', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer(twoReplies), viewerMock(member)],
    });
    await screen.findByRole('button', { name: 'Thank Eva Expert for this post' });
    expect(screen.queryByRole('button', { name: 'Thank Marc Member for this post' })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Quote Eva Expert' }));
    const reply = screen.getByRole('textbox', { name: 'Your reply' });
    expect(reply).toHaveValue('> **Eva Expert**:\n> Enable 3-D Secure.\n\n');
    expect(reply).toHaveFocus();
  });

  it('writes no replies heading over an empty section when the only reply is the accepted answer', async () => {
    const answer = post('p2', expert, 'Enable 3-D Secure.', { isAcceptedAnswer: true });
    renderWithProviders(threadPageOfT1, {
      mocks: [
        threadPageAnswer({
          status: 'ANSWERED',
          viewerCanReply: false,
          repliesCount: 1,
          acceptedAnswer: answer,
          posts: {
            __typename: 'PostConnection',
            totalCount: 1,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
            edges: edges([answer]),
          },
        }),
        viewerMock(null),
      ],
    });
    await screen.findByRole('region', { name: 'Accepted answer' });
    expect(screen.queryByRole('heading', { name: /repl/i })).toBeNull();
  });
});

describe('keyboard shortcuts on a thread', () => {
  it('moves between posts with j and k, to the reply with r, and lists them with ?', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer(twoReplies), viewerMock(member)],
    });
    await screen.findByRole('article', { name: /^Eva Expert/ });
    const user = userEvent.setup();
    const articles = () => screen.getAllByRole('article');

    await user.keyboard('j');
    expect(articles()[0]).toHaveFocus();
    await user.keyboard('jj');
    expect(articles()[2]).toHaveFocus();
    await user.keyboard('j');
    expect(articles()[2]).toHaveFocus();
    await user.keyboard('k');
    expect(articles()[1]).toHaveFocus();

    await user.keyboard('r');
    const reply = screen.getByRole('textbox', { name: 'Your reply' });
    expect(reply).toHaveFocus();
    // Typing in a field is typing, not a command.
    await user.keyboard('jkr?');
    expect(reply).toHaveValue('jkr?');
    expect(screen.queryByRole('dialog')).toBeNull();

    reply.blur();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Next post')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('has a link to the reply box near the top, for a visitor the invitation to sign in and come back', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer({ ...twoReplies, viewerCanReply: false }), viewerMock(null)],
      path: '/t/t1',
    });
    const skip = await screen.findByRole('link', { name: 'Go to the reply box' });
    await userEvent.setup().click(skip);
    const signIn = screen.getByRole('link', { name: 'Sign in to reply.' });
    expect(signIn).toHaveFocus();
    expect(signIn).toHaveAttribute('href', '/sign-in?returnTo=%2Ft%2Ft1%23reply');
  });
});

describe('quoting', () => {
  it('quotes the start of a long post, line by line', () => {
    expect(quoteOf('Ana', 'One\n\n\n\nTwo')).toBe('> **Ana**:\n> One\n>\n> Two\n\n');
    expect(quoteOf('Ana', 'x'.repeat(700)).length).toBeLessThan(700);
  });
});
