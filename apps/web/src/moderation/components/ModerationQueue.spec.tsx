import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ModerationQueueQuery as ModerationQueueData } from '../../gql/graphql';
import { createCache } from '../../lib/apollo';
import { renderWithProviders } from '../../testing/render';
import {
  CrisisBannerQuery,
  HidePostMutation,
  MarkAnsweredMutation,
  ModerationQueueQuery,
  ResolveFromQueueMutation,
} from '../api/moderation';
import { contextPost, moderatedPost, queueContext, user } from '../testing/moderation-fixtures';
import { ModerationQueue } from './ModerationQueue';

const flaggedPost = moderatedPost('p1', {
  viewerCanModerate: true,
  viewerCanFlag: false,
  moderationContext: queueContext('t1', 'My driver never came', {
    previous: contextPost(
      'q1',
      'Inès Moreau',
      '<p>The driver <strong>never came</strong> to my door, and the tracking page says delivered.</p>',
      true,
    ),
  }),
});
const negativePost = moderatedPost('p2', {
  bodyHtml: '<p>Worst service ever.</p>',
  threadId: 't2',
  tone: { __typename: 'PostTone', label: 'NEGATIVE', score: -0.62 },
  moderationContext: queueContext('t2', 'Refund refused'),
});
const answeredLater = moderatedPost('p2', {
  ...negativePost,
  moderationContext: queueContext('t2', 'Refund refused', {
    laterReplies: [
      contextPost('r1', 'Sarah (Parvis team)', '<p>Hello, I am Sarah: your refund leaves today.</p>'),
      contextPost('r2', 'Diego Ruiz', '<p>Same here, it took a week.</p>'),
    ],
  }),
});
const queue = (flagged: unknown[], negative: unknown[] = [negativePost]) => ({
  request: { query: ModerationQueueQuery },
  result: {
    data: {
      moderationQueue: {
        __typename: 'ModerationQueue',
        flagged,
        negativeUnanswered: negative,
      },
    },
  },
});
const flaggedItem = {
  __typename: 'FlaggedPost',
  flagsCount: 2,
  reasons: ['PERSONAL_DATA', 'OTHER'],
  latestAt: '2026-11-21T09:00:00.000Z',
  post: flaggedPost,
  flags: [
    {
      __typename: 'Flag',
      id: 'f1',
      reason: 'PERSONAL_DATA',
      note: 'Phone number of a driver',
      createdAt: '2026-11-21T09:00:00.000Z',
      member: user('u1', 'Inès Moreau'),
    },
    {
      __typename: 'Flag',
      id: 'f2',
      reason: 'OTHER',
      note: null,
      createdAt: '2026-11-21T08:00:00.000Z',
      member: user('u2', 'Diego Ruiz', 'EXPERT'),
    },
  ],
};
const noBanner = { request: { query: CrisisBannerQuery }, result: { data: { crisisBanner: null } } };

describe('the moderation queue', () => {
  it('groups the flags of a post, shows negative posts waiting for an answer, and hides in one click under the rule most named', async () => {
    const hidden = {
      request: { query: HidePostMutation, variables: { input: { postId: 'p1', reason: 'PERSONAL_DATA' } } },
      result: {
        data: {
          hidePost: {
            ...flaggedPost,
            bodyHtml: flaggedPost.bodyHtml,
            hidden: {
              __typename: 'PostHidden',
              reason: 'PERSONAL_DATA',
              note: null,
              at: '2026-11-21T10:00:00.000Z',
              by: user('m', 'Malik Benali', 'MODERATOR'),
            },
          },
        },
      },
    };
    renderWithProviders(<ModerationQueue />, { mocks: [queue([flaggedItem]), noBanner, hidden, queue([])] });

    const flaggedSection = await screen.findByRole('region', { name: 'Flagged posts' });
    const item = within(flaggedSection).getByRole('listitem', { name: 'Camille Martin: 2 flags' });
    expect(item).toHaveTextContent('Personal data ×1, Other breach of the charter ×1');
    expect(item).toHaveTextContent('Inès Moreau: Personal data — “Phone number of a driver”');
    expect(within(item).getByRole('link', { name: 'Open the thread' })).toHaveAttribute(
      'href',
      '/t/t1#post-p1',
    );
    expect(within(item).getByLabelText('Hide as')).toHaveValue('PERSONAL_DATA');

    const negative = screen.getByRole('region', { name: 'Negative posts waiting for an answer' });
    expect(negative).toHaveTextContent('Worst service ever.');
    expect(negative).toHaveTextContent('Tone: negative');
    expect(negative).not.toHaveTextContent('(-0.62)');

    await userEvent.setup().click(within(item).getByRole('button', { name: 'Hide' }));
    expect(await screen.findByText('Nothing to review: no post is flagged.')).toBeInTheDocument();
  });
});

describe('a queue item in its context', () => {
  it('names its thread (linked) and space, quotes the message before it, and counts the flags per rule', async () => {
    renderWithProviders(<ModerationQueue />, { mocks: [queue([flaggedItem]), noBanner] });
    const item = await screen.findByRole('listitem', { name: 'Camille Martin: 2 flags' });
    expect(within(item).getByRole('link', { name: 'My driver never came' })).toHaveAttribute('href', '/t/t1');
    expect(item).toHaveTextContent('Space: Help & support');
    const context = within(item).getByRole('figure');
    expect(context).toHaveTextContent('After the question by Inès Moreau,');
    expect(context).toHaveTextContent(
      'The driver never came to my door, and the tracking page says delivered.',
    );
    expect(item).toHaveTextContent('Personal data ×1, Other breach of the charter ×1');
    expect(within(item).getByRole('list', { name: 'Flags and their notes' })).toHaveTextContent(
      'Diego Ruiz: Other breach of the charter',
    );
  });

  it('shows the tone in words, with its score as a tooltip reached by keyboard', async () => {
    renderWithProviders(<ModerationQueue />, { mocks: [queue([]), noBanner] });
    const negative = await screen.findByRole('region', { name: 'Negative posts waiting for an answer' });
    const chip = within(negative).getByText('Tone: negative');
    expect(chip).toHaveAccessibleDescription('Score -0.62, from −1 (very negative) to +1 (very positive)');
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent('Score -0.62');
    const person = userEvent.setup();
    for (let i = 0; i < 10 && document.activeElement !== chip; i++) await person.tab();
    expect(chip).toHaveFocus();
  });

  it('puts "Answer first" forward while nobody has answered a negative post, and offers no resolve', async () => {
    renderWithProviders(<ModerationQueue />, { mocks: [queue([]), noBanner], language: 'fr' });
    const item = await screen.findByRole('listitem', { name: 'Camille Martin: Refund refused' });
    const answer = within(item).getByRole('link', { name: 'Répondre d’abord' });
    expect(answer).toHaveAttribute('href', '/t/t2#reply');
    expect(answer).toHaveClass('button-primary');
    expect(within(item).queryByRole('button', { name: 'Marquer la discussion résolue' })).toBeNull();
    expect(item).toHaveTextContent('Personne n’y a encore répondu.');
  });

  it('once someone has answered, offers to mark it answered (replies with their first words) or to resolve', async () => {
    const resolved = {
      request: { query: ResolveFromQueueMutation, variables: { input: { threadId: 't2' } } },
      result: { data: { resolveThread: { __typename: 'Thread', id: 't2', status: 'RESOLVED' } } },
    };
    renderWithProviders(<ModerationQueue />, { mocks: [queue([], [answeredLater]), noBanner, resolved] });
    const item = await screen.findByRole('listitem', { name: 'Camille Martin: Refund refused' });
    const person = userEvent.setup();

    const open = within(item).getByRole('button', { name: 'Mark answered…' });
    open.focus();
    await person.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Which reply answers this post?' });
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual([
      expect.stringMatching(/^Sarah \(Parvis team\), .*Hello, I am Sarah: your refund leaves today\.$/),
      expect.stringMatching(/^Diego Ruiz, .*Same here, it took a week\.$/),
    ]);
    await person.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());

    await person.click(within(item).getByRole('button', { name: 'Resolve the thread' }));
    expect(await screen.findByText('No negative post is waiting for an answer.')).toBeInTheDocument();
  });

  it('a decided post stays out when an answer of the queue asked before the decision arrives after it', async () => {
    // The page asks for the queue again as it opens: on a busy server that answer, computed before
    // the moderator resolved the thread, can arrive after the resolution.
    const resolved = {
      request: { query: ResolveFromQueueMutation, variables: { input: { threadId: 't2' } } },
      result: { data: { resolveThread: { __typename: 'Thread', id: 't2', status: 'RESOLVED' } } },
    };
    const cache = createCache();
    const askedBefore = queue([], [answeredLater]);
    renderWithProviders(<ModerationQueue />, { mocks: [askedBefore, noBanner, resolved], cache });
    const item = await screen.findByRole('listitem', { name: 'Camille Martin: Refund refused' });
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Resolve the thread' }));
    expect(await screen.findByText('No negative post is waiting for an answer.')).toBeInTheDocument();

    cache.writeQuery({
      query: ModerationQueueQuery,
      data: askedBefore.result.data as unknown as ModerationQueueData,
    });
    await waitFor(() =>
      expect(screen.getByText('No negative post is waiting for an answer.')).toBeInTheDocument(),
    );
    expect(screen.queryByRole('listitem', { name: 'Camille Martin: Refund refused' })).toBeNull();
  });

  it('marks it answered by the chosen reply, which takes it out of the queue', async () => {
    const marked = {
      request: {
        query: MarkAnsweredMutation,
        variables: { input: { postId: 'p2', answerPostId: 'r1' } },
      },
      result: {
        data: {
          markAnswered: {
            ...answeredLater,
            answered: { __typename: 'Post', id: 'r1', author: user('u-r1', 'Sarah (Parvis team)', 'STAFF') },
            answeredAt: '2026-11-21T10:00:00.000Z',
          },
        },
      },
    };
    renderWithProviders(<ModerationQueue />, { mocks: [queue([], [answeredLater]), noBanner, marked] });
    const item = await screen.findByRole('listitem', { name: 'Camille Martin: Refund refused' });
    const person = userEvent.setup();
    await person.click(within(item).getByRole('button', { name: 'Mark answered…' }));
    const dialog = await screen.findByRole('dialog');
    await person.click(within(dialog).getByRole('radio', { name: /Sarah/ }));
    await person.click(within(dialog).getByRole('button', { name: 'Mark answered' }));
    expect(await screen.findByText('No negative post is waiting for an answer.')).toBeInTheDocument();
  });
});
