import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { EditPostMutation, PostMarkdownQuery, ThankMutation } from '../api/threads';
import {
  edges,
  liveEvent,
  post,
  thread,
  user,
  viewerMock,
  threadPageAnswer,
  threadPageOfT1,
  ThreadPageTestQuery,
} from '../testing/thread-fixtures';

const expert = user('e1', 'Eva Expert', 'EXPERT');
const staff = user('s1', 'Sarah Staff', 'STAFF');
const member = user('m1', 'Marc Member');
const asker = user('asker', 'Ana Asker');

describe('a thread page', () => {
  it('keeps a reply that arrives live behind “1 new reply — show it” until the reader asks, then shows it', async () => {
    const mock = threadPageAnswer({
      repliesCount: 0,
      posts: {
        __typename: 'PostConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
    });
    const fresh = post('p9', member, 'Try another cable.');
    renderWithProviders(threadPageOfT1, { mocks: [mock, viewerMock(null), liveEvent('REPLY_ADDED', fresh)] });

    const show = await screen.findByRole('button', { name: '1 new reply — show it' });
    expect(screen.queryByText('Try another cable.')).toBeNull();
    await userEvent.click(show);
    expect(await screen.findByText('Try another cable.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /new repl/ })).toBeNull();
  });

  it('shows a post hidden by a moderator as hidden, without a reload', async () => {
    const reply = post('p1', member, 'Call me at 06 12 34 56 78.');
    const mock = threadPageAnswer({
      repliesCount: 1,
      posts: {
        __typename: 'PostConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
        edges: edges([reply]),
      },
    });
    const hidden = { ...reply, bodyHtml: '' };
    renderWithProviders(threadPageOfT1, {
      mocks: [mock, viewerMock(null), liveEvent('POST_HIDDEN', hidden)],
    });
    expect(await screen.findByText('Call me at 06 12 34 56 78.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Call me at 06 12 34 56 78.')).toBeNull());
  });

  it('shows the accepted answer first under the question, with names and role badges, and the other replies after', async () => {
    const answer = post('p2', expert, 'Enable 3-D Secure.', { isAcceptedAnswer: true, thanksCount: 3 });
    const mock = threadPageAnswer({
      status: 'ANSWERED',
      repliesCount: 3,
      acceptedAnswer: answer,
      acceptedBy: { __typename: 'User', id: 'asker', displayName: 'Ana Asker' },
      posts: {
        __typename: 'PostConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
        edges: edges([post('p1', member, 'Same here.'), answer, post('p3', staff, 'We fixed it in 4.2.1.')]),
      },
    });
    renderWithProviders(threadPageOfT1, { mocks: [mock, viewerMock(null)] });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'My card is refused online' }),
    ).toBeInTheDocument();
    const accepted = screen.getByRole('region', { name: 'Accepted answer' });
    expect(within(accepted).getByText('Enable 3-D Secure.')).toBeInTheDocument();
    expect(within(accepted).getByText('Expert')).toBeInTheDocument();
    expect(within(accepted).getByText('Accepted by Ana Asker')).toBeInTheDocument();

    const replies = screen.getByRole('region', { name: 'Other replies (2)' });
    const articles = within(replies).getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-label')?.split(',')[0])).toEqual([
      'Marc Member',
      'Sarah Staff',
    ]);
    expect(within(articles[1]).getByText('Official answer')).toBeInTheDocument();
    expect(within(articles[1]).getByText('Staff')).toBeInTheDocument();
    // Question, accepted answer first, then the others: in reading order.
    const order = screen.getAllByRole('article').map((a) => a.getAttribute('aria-label')?.split(',')[0]);
    expect(order).toEqual(['Ana Asker', 'Eva Expert', 'Marc Member', 'Sarah Staff']);
  });

  it('offers to accept an answer only to whom may, and never on the question', async () => {
    const replies = {
      __typename: 'PostConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c0' },
      edges: edges([post('p1', expert, 'Try this.')]),
    };
    const { unmount } = renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer({ repliesCount: 1, posts: replies }), viewerMock(member)],
    });
    await screen.findByText('Try this.');
    expect(screen.queryByRole('button', { name: 'Accept this answer' })).toBeNull();
    unmount();

    renderWithProviders(threadPageOfT1, {
      mocks: [
        threadPageAnswer({ repliesCount: 1, posts: replies, viewerCanAcceptAnswer: true }),
        viewerMock(asker),
      ],
    });
    await screen.findByText('Try this.');
    expect(screen.getAllByRole('button', { name: 'Accept this answer' })).toHaveLength(1);
  });

  it('does not offer an expert to accept their own reply, nor anyone a hidden reply (the API refuses both)', async () => {
    const hidden = { __typename: 'PostHidden', at: '2026-11-20T11:00:00.000Z' };
    const replies = {
      __typename: 'PostConnection',
      totalCount: 3,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
      edges: edges([
        post('p1', expert, 'My own tip.', { viewerCanEdit: true }),
        post('p2', member, 'A tip that was hidden.', { hidden }),
        post('p3', staff, 'Another tip.'),
      ]),
    };
    renderWithProviders(threadPageOfT1, {
      mocks: [
        threadPageAnswer({ repliesCount: 3, posts: replies, viewerCanAcceptAnswer: true }),
        viewerMock(expert),
      ],
    });
    await screen.findByText('Another tip.');
    const buttons = screen.getAllByRole('button', { name: 'Accept this answer' });
    expect(buttons).toHaveLength(1);
    expect(buttons[0].closest('article')).toHaveAttribute(
      'aria-label',
      expect.stringMatching(/^Sarah Staff/),
    );
  });

  it('thanks a post at once, and shows the count', async () => {
    const replies = {
      __typename: 'PostConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c0' },
      edges: edges([post('p1', expert, 'Try this.', { thanksCount: 1 })]),
    };
    renderWithProviders(threadPageOfT1, {
      mocks: [
        threadPageAnswer({ repliesCount: 1, posts: replies }),
        viewerMock(asker),
        {
          request: { query: ThankMutation, variables: { input: { postId: 'p1' } } },
          result: {
            data: { thank: { __typename: 'Post', id: 'p1', thanksCount: 2, viewerHasThanked: true } },
          },
        },
      ],
    });
    const thank = await screen.findByRole('button', { name: 'Thank Eva Expert for this post' });
    await screen.findByRole('button', { name: 'Thank Ana Asker for this post' });
    expect(thank).toHaveAttribute('aria-pressed', 'false');
    await userEvent.setup().click(thank);
    expect(await screen.findByText('2 thanks')).toBeInTheDocument();
    expect(thank).toHaveAttribute('aria-pressed', 'true');
    // Pressed, it keeps its name, and its visible word is still part of that name.
    expect(thank).toHaveAccessibleName('Thank Eva Expert for this post');
    expect(thank).toHaveTextContent(/^✓ Thank$/);
  });

  it('tells that the case continues privately, and that a locked thread takes no reply', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [
        threadPageAnswer({
          locked: true,
          lockReason: 'Off-topic',
          viewerCanReply: false,
          privateFollowUp: {
            __typename: 'PrivateFollowUpNotice',
            startedAt: '2026-11-20T11:00:00.000Z',
            followUpId: null,
            agent: staff,
          },
        }),
        viewerMock(member),
      ],
      language: 'fr',
    });
    expect(await screen.findByText('Ce dossier se poursuit en privé avec Sarah Staff.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ouvrir la conversation privée' })).toBeNull();
    expect(
      screen.getByText('Cette discussion est verrouillée (Off-topic) : elle n’accepte plus de réponse.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publier ma réponse' })).toBeNull();
  });

  it('shows earlier versions of an edited post to everyone', async () => {
    const edited = post('q1', user('asker', 'Ana Asker'), 'Now with details.', {
      isQuestion: true,
      editedAt: '2026-11-20T09:30:00.000Z',
      revisions: [
        {
          __typename: 'PostRevision',
          id: 'r1',
          bodyHtml: '<p>First version.</p>',
          writtenAt: '2026-11-20T09:00:00.000Z',
          replacedAt: '2026-11-20T09:30:00.000Z',
        },
      ],
    });
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer({ question: edited }), viewerMock(null)],
    });
    await userEvent.setup().click(await screen.findByText('1 earlier version'));
    expect(screen.getByText('First version.')).toBeVisible();
  });

  describe('a long thread', () => {
    const firstPage = threadPageAnswer({
      repliesCount: 3,
      posts: {
        __typename: 'PostConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c2' },
        edges: edges([post('p1', member, 'First reply.'), post('p2', expert, 'Second reply.')]),
      },
    });
    const nextPage = {
      request: { query: ThreadPageTestQuery, variables: { id: 't1', after: 'c2' } },
      result: {
        data: {
          thread: thread({
            repliesCount: 3,
            posts: {
              __typename: 'PostConnection',
              totalCount: 3,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
              edges: edges([post('p3', staff, 'Third reply.')]),
            },
          }),
        },
      },
    };

    /** A browser's IntersectionObserver, whose elements come into view when the test says so. */
    class FakeObserver {
      static instances: FakeObserver[] = [];
      observed: Element[] = [];
      constructor(private readonly callback: IntersectionObserverCallback) {
        FakeObserver.instances.push(this);
      }
      observe(element: Element) {
        this.observed.push(element);
      }
      disconnect() {
        this.observed = [];
      }
      scrollIntoView() {
        const entries = this.observed.map((target) => ({ target, isIntersecting: true }));
        this.callback(
          entries as unknown as IntersectionObserverEntry[],
          this as unknown as IntersectionObserver,
        );
      }
    }

    afterEach(() => {
      delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
      FakeObserver.instances = [];
    });

    it('loads the next replies as the reader scrolls to the end of those shown', async () => {
      Object.assign(globalThis, { IntersectionObserver: FakeObserver });
      renderWithProviders(threadPageOfT1, { mocks: [firstPage, nextPage, viewerMock(null)] });
      await screen.findByText('Second reply.');
      expect(screen.queryByText('Third reply.')).toBeNull();

      const watching = FakeObserver.instances.find((observer) => observer.observed.length > 0);
      watching!.scrollIntoView();
      expect(await screen.findByText('Third reply.')).toBeInTheDocument();
      // In order, after those already there; nothing more to load.
      const replies = within(await screen.findByRole('region', { name: '3 replies' })).getAllByRole(
        'article',
      );
      expect(replies.map((a) => a.getAttribute('aria-label')?.split(',')[0])).toEqual([
        'Marc Member',
        'Eva Expert',
        'Sarah Staff',
      ]);
      expect(screen.queryByRole('link', { name: 'Show more replies' })).toBeNull();
    });

    it('loads them from the “Show more replies” link too (keyboard, no IntersectionObserver), which leads to them without JavaScript', async () => {
      renderWithProviders(threadPageOfT1, { mocks: [firstPage, nextPage, viewerMock(null)] });
      const more = await screen.findByRole('link', { name: 'Show more replies' });
      expect(more).toHaveAttribute('href', '?after=c2');
      more.focus();
      await userEvent.setup().keyboard('{Enter}');
      expect(await screen.findByText('Third reply.')).toBeInTheDocument();
      expect(screen.getByText('First reply.')).toBeInTheDocument();
    });

    it('announces a reply that arrives live once the last page is there, and shows it after the others', async () => {
      const fresh = post('p9', member, 'Try another cable.');
      renderWithProviders(threadPageOfT1, {
        mocks: [firstPage, nextPage, viewerMock(null), liveEvent('REPLY_ADDED', fresh)],
      });
      await userEvent.setup().click(await screen.findByRole('link', { name: 'Show more replies' }));
      await screen.findByText('Third reply.');
      await userEvent.setup().click(await screen.findByRole('button', { name: '1 new reply — show it' }));
      expect(await screen.findByText('Try another cable.')).toBeInTheDocument();
      // The heading counts what the thread said last: the page's count or the live event's, which
      // arrive in either order.
      const replies = within(await screen.findByRole('region', { name: /^\d+ repl(y|ies)$/ })).getAllByRole(
        'article',
      );
      expect(replies.map((a) => a.textContent)).toEqual([
        expect.stringContaining('First reply.'),
        expect.stringContaining('Second reply.'),
        expect.stringContaining('Third reply.'),
        expect.stringContaining('Try another cable.'),
      ]);
    });

    it('opens on the replies after `?after=` (where that link leads)', async () => {
      renderWithProviders(threadPageOfT1, { mocks: [nextPage, viewerMock(null)], path: '/t/t1?after=c2' });
      expect(await screen.findByText('Third reply.')).toBeInTheDocument();
      expect(screen.queryByText('First reply.')).toBeNull();
    });
  });

  it('asks for the Markdown source of a post only when its author opens the editor', async () => {
    const own = post('p1', member, 'Try this.', { viewerCanEdit: true });
    const replies = {
      __typename: 'PostConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c0' },
      edges: edges([own]),
    };
    let asked = 0;
    const markdown = {
      request: { query: PostMarkdownQuery, variables: { id: 'p1' } },
      result: () => {
        asked += 1;
        return { data: { post: { __typename: 'Post', id: 'p1', bodyMarkdown: 'Try **this**.' } } };
      },
    };
    const edited = {
      request: {
        query: EditPostMutation,
        variables: { input: { postId: 'p1', bodyMarkdown: 'Try **this**, then restart.' } },
      },
      result: {
        data: { editPost: { ...own, bodyHtml: '<p>Try <strong>this</strong>, then restart.</p>' } },
      },
    };
    renderWithProviders(threadPageOfT1, {
      mocks: [threadPageAnswer({ repliesCount: 1, posts: replies }), markdown, edited, viewerMock(member)],
    });
    const user = userEvent.setup();
    await screen.findByText('Try this.');
    expect(asked).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole('textbox', { name: 'Edit' });
    expect(editor).toHaveValue('Try **this**.');
    expect(asked).toBe(1);
    await user.type(editor, '{Backspace}, then restart.');
    await user.click(screen.getByRole('button', { name: 'Save my changes' }));
    // The saved text in the post's body: the editor's text area holds the typed words too (React
    // keeps its text in step with its value), and leaves the page once the save is answered.
    expect(await screen.findByText(/then restart\./, { selector: '.post-body p' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Edit' })).toBeNull();
  });

  it('shows the API’s sentence when the thread does not exist', async () => {
    renderWithProviders(threadPageOfT1, {
      mocks: [
        {
          request: { query: ThreadPageTestQuery, variables: { id: 't1' } },
          result: { errors: [{ message: 'There is no such thread.', extensions: { code: 'NOT_FOUND' } }] },
        },
        viewerMock(null),
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no such thread.');
  });
});
