import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ThreadListQuery as ThreadListData } from '../../gql/graphql';
import { createCache } from '../../lib/apollo';
import { holdAnswers, renderWithProviders } from '../../testing/render';
import { ThreadListQuery } from '../api/threads';
import { viewerMock } from '../testing/thread-fixtures';
import { ThreadList } from './ThreadList';

const node = (id: string, title: string, status: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Thread',
  id,
  title,
  status,
  language: 'en',
  pinned: false,
  locked: false,
  repliesCount: 2,
  createdAt: '2026-11-20T08:00:00.000Z',
  lastActivityAt: '2026-11-20T10:00:00.000Z',
  author: { __typename: 'User', id: 'u1', displayName: 'Tom Baker', role: 'MEMBER' },
  sla: { __typename: 'Sla', breached: false, nextDueAt: null },
  ...extra,
});

const list = (variables: Record<string, unknown>, nodes: ReturnType<typeof node>[]) => ({
  request: {
    query: ThreadListQuery,
    variables: { spaceId: 's1', sort: 'LAST_ACTIVITY', first: 20, ...variables },
  },
  result: {
    data: {
      threads: {
        __typename: 'ThreadConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((n) => ({ __typename: 'ThreadEdge', cursor: n.id, node: n })),
      },
    },
  },
});

describe('a help space’s questions', () => {
  it('show their status in words, and filter by status', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [
        viewerMock(null),
        list({}, [node('a', 'Card refused', 'ANSWERED'), node('b', 'Parcel late', 'OPEN', { pinned: true })]),
        list({ status: 'RESOLVED' }, [node('c', 'Old question', 'RESOLVED')]),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(within(items[0]).getByRole('link', { name: 'Card refused' })).toBeInTheDocument();
    expect(within(items[0]).getByText('Answered')).toBeInTheDocument();
    expect(within(items[1]).getByText('Pinned')).toBeInTheDocument();
    expect(screen.getByText('2 questions')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Answer-time queue' })).toBeNull();

    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'RESOLVED');
    expect(await screen.findByRole('link', { name: 'Old question' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Card refused' })).toBeNull();
  });

  it('show staff the link to the SLA queue and which threads are overdue', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [
        viewerMock({ id: 's1', role: 'STAFF' }),
        list({}, [
          node('a', 'Nobody answers', 'OPEN', {
            sla: { __typename: 'Sla', breached: true, nextDueAt: null },
          }),
        ]),
      ],
      language: 'es',
    });
    expect(await screen.findByRole('link', { name: 'Cola de plazos de respuesta' })).toHaveAttribute(
      'href',
      '/staff/sla',
    );
    expect(await screen.findByText('Con retraso')).toBeInTheDocument();
  });
});

/** The panel an empty list shows, to look inside it. */
const emptyPanel = (title: string) => screen.getByText(title).closest<HTMLElement>('.empty-panel')!;

describe('a help space’s questions while they load, and when there are none', () => {
  it('show rows to come in a busy status with one hidden word, then the empty state', async () => {
    const answer = holdAnswers('ThreadList');
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="aide" />, {
      language: 'fr',
      hold: answer,
      mocks: [viewerMock(null), list({}, [])],
    });
    const busy = await screen.findByRole('status');
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(busy).toHaveTextContent(/^Chargement…$/);
    expect(busy.querySelectorAll('li.thread-row')).toHaveLength(8);
    answer.release();
    expect(await screen.findByText('Aucune question pour l’instant.')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('invite a visitor to sign in or sign up, then come back to ask the first question', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [viewerMock(null), list({}, [])],
    });
    await screen.findByText('No question here yet.');
    const panel = emptyPanel('No question here yet.');
    expect(panel).toHaveTextContent('Sign in or create an account to ask the first one');
    expect(within(panel).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fs%2Fhelp%2Fnew',
    );
    expect(within(panel).getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/sign-up?returnTo=%2Fs%2Fhelp%2Fnew',
    );
  });

  it('invite a member to ask the first question', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [viewerMock({ id: 'u1', role: 'MEMBER' }), list({}, [])],
    });
    await screen.findByText('Ask the first one: members and the brand’s team answer here.');
    const panel = emptyPanel('No question here yet.');
    expect(within(panel).getByRole('link', { name: 'Ask a question' })).toHaveAttribute(
      'href',
      '/s/help/new',
    );
    expect(within(panel).queryByRole('link', { name: 'Sign in' })).toBeNull();
  });

  it('under the “without replies” filter, offer the answered questions when none is waiting', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, {
      mocks: [
        viewerMock(null),
        list({}, [node('a', 'Card refused', 'ANSWERED')]),
        list({ unanswered: true }, []),
        list({ status: 'ANSWERED' }, [node('a', 'Card refused', 'ANSWERED')]),
      ],
    });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Card refused' });
    await user.click(screen.getByLabelText('Without replies only'));
    await screen.findByText('No unanswered question: every question here has a reply.');
    await user.click(screen.getByRole('button', { name: 'Browse answered questions' }));
    expect(await screen.findByRole('link', { name: 'Card refused' })).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('ANSWERED');
    expect(screen.getByLabelText('Without replies only')).not.toBeChecked();
  });

  it('show the staff of the announcements the way to publish the first one', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="news" announcements />, {
      language: 'es',
      mocks: [viewerMock({ id: 's1', role: 'STAFF' }), list({}, [])],
    });
    await screen.findByText(/Publique el primero/);
    const panel = emptyPanel('Todavía no hay anuncios.');
    expect(within(panel).getByRole('link', { name: 'Publicar un anuncio' })).toHaveAttribute(
      'href',
      '/s/news/new',
    );
  });
});

describe('the announcements', () => {
  it('are counted as announcements, with no answer status and no question filters', async () => {
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="news" announcements />, {
      language: 'fr',
      mocks: [
        viewerMock({ id: 's1', role: 'STAFF' }),
        list({}, [
          node('a', 'Nouveaux horaires', 'OPEN', {
            pinned: true,
            sla: { __typename: 'Sla', breached: true, nextDueAt: null },
          }),
          node('b', 'Maintenance', 'OPEN'),
        ]),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(screen.getByText('2 annonces')).toBeInTheDocument();
    expect(within(items[0]).getByText('Épinglée')).toBeInTheDocument();
    // An announcement asks nothing: nothing reads "Ouverte" or overdue, and no question filter.
    expect(screen.queryByText('Ouverte')).toBeNull();
    expect(screen.queryByText('En retard')).toBeNull();
    expect(items[0]).not.toHaveClass('overdue');
    expect(screen.queryByLabelText('Statut')).toBeNull();
    expect(screen.queryByLabelText(/Sans réponse/)).toBeNull();
    expect(screen.getByLabelText('Trier par')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /File des délais/ })).toBeNull();
  });
});

describe('a server-rendered list hydrating', () => {
  it('shows its rows from the restored cache at once, never a placeholder over them', () => {
    const cache = createCache();
    const answer = list({}, [node('a', 'Card refused', 'ANSWERED')]);
    cache.writeQuery({
      query: ThreadListQuery,
      variables: { spaceId: 's1', sort: 'LAST_ACTIVITY', first: 20 },
      data: answer.result.data as unknown as ThreadListData,
    });
    renderWithProviders(<ThreadList spaceId="s1" spaceSlug="help" />, { cache, mocks: [viewerMock(null)] });
    // The very first render, as hydration sees it: the data, no busy placeholder.
    expect(screen.getByRole('link', { name: 'Card refused' })).toBeInTheDocument();
    expect(document.querySelector('[aria-busy]')).toBeNull();
  });
});
