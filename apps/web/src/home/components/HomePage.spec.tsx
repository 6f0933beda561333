import { screen, within } from '@testing-library/react';
import { ViewerQuery } from '../../lib/viewer';
import { renderWithProviders } from '../../testing/render';
import { HomeQuery } from '../api/home';
import { HomePage } from './HomePage';

const viewer = (me: null | { role: string }) => ({
  request: { query: ViewerQuery },
  result: {
    data: { me: me && { __typename: 'User', id: 'u1', displayName: 'Eva', role: me.role, reputation: 3 } },
  },
  maxUsageCount: 10,
});

const thread = (id: string, title: string, repliesCount = 0) => ({
  __typename: 'Thread',
  id,
  title,
  publicState: 'OPEN',
  repliesCount,
  createdAt: '2026-11-20T10:00:00.000Z',
  lastActivityAt: '2026-11-21T10:00:00.000Z',
  space: { __typename: 'Space', id: 's1', slug: 'help', name: 'Aide et assistance' },
});

const home = (overrides: Record<string, unknown> = {}) => ({
  request: { query: HomeQuery },
  result: {
    data: {
      spaces: [{ __typename: 'Space', id: 'n1', slug: 'news', kind: 'ANNOUNCEMENTS' }],
      home: {
        __typename: 'Home',
        announcement: {
          __typename: 'Thread',
          id: 'a1',
          title: 'Notre nouveau magasin ouvre',
          pinned: true,
          createdAt: '2026-11-19T09:00:00.000Z',
          author: { __typename: 'User', id: 'u9', displayName: 'Sarah', role: 'STAFF' },
          question: { __typename: 'Post', id: 'p1', bodyHtml: '<p>Venez nous voir samedi.</p>' },
        },
        latestQuestions: [thread('t1', 'Ma carte est refusée', 2)],
        recentlyAnswered: [],
        unanswered: null,
        followedActivity: null,
        trendingIdeas: [
          {
            __typename: 'Idea',
            id: 'i1',
            title: 'Un mode sombre',
            status: 'NEW',
            votesCount: 12,
            commentsCount: 1,
          },
        ],
        openCampaign: null,
        ...overrides,
      },
    },
  },
});

describe('the home page', () => {
  it('shows a visitor the pinned announcement, the latest questions and ideas, in French', async () => {
    renderWithProviders(<HomePage />, { mocks: [viewer(null), home()], language: 'fr' });
    expect(await screen.findByText('Annonce épinglée')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Notre nouveau magasin ouvre' })).toHaveAttribute(
      'href',
      '/t/a1',
    );
    expect(screen.getByText('Venez nous voir samedi.')).toBeInTheDocument();
    const latest = screen.getByRole('region', { name: 'Dernières questions' });
    expect(within(latest).getByRole('link', { name: 'Ma carte est refusée' })).toHaveAttribute(
      'href',
      '/t/t1',
    );
    expect(within(latest).getByText(/2 réponses/)).toBeInTheDocument();
    // An empty list says what to do next.
    expect(screen.getByRole('region', { name: 'Dernières réponses' })).toHaveTextContent(
      'Répondez à une question',
    );
    expect(screen.getByText(/12 votes/)).toBeInTheDocument();
    // Lists that are not a visitor's are absent, headings included.
    expect(screen.queryByRole('heading', { name: 'Aidez quelqu’un' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /discussions que vous suivez/ })).not.toBeInTheDocument();
  });

  it('offers an expert the questions waiting for a first reply, and a member their followed threads', async () => {
    renderWithProviders(<HomePage />, {
      mocks: [
        viewer({ role: 'EXPERT' }),
        home({
          unanswered: [thread('t2', 'Is the case waterproof?')],
          followedActivity: [],
          announcement: null,
        }),
      ],
    });
    const help = await screen.findByRole('region', { name: 'Help someone' });
    expect(within(help).getByRole('link', { name: 'Is the case waterproof?' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'New in the threads you follow' })).toHaveTextContent(
      'Reply to a thread or follow it',
    );
  });

  it('shows its columns to come while it loads', async () => {
    renderWithProviders(<HomePage />, { mocks: [viewer(null), home()] });
    const busy = screen.getByRole('status');
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(busy.querySelectorAll('.home-section')).toHaveLength(4);
    expect(await screen.findByText('Pinned announcement')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('with no question yet, invites a visitor to sign in and come back to ask, and a member to ask', async () => {
    const spaces = [
      { __typename: 'Space', id: 'n1', slug: 'news', kind: 'ANNOUNCEMENTS' },
      { __typename: 'Space', id: 's1', slug: 'help', kind: 'HELP' },
    ];
    const empty = () => {
      const mock = home({ latestQuestions: [], trendingIdeas: [] });
      return { ...mock, result: { data: { ...mock.result.data, spaces } } };
    };
    const visitorPage = renderWithProviders(<HomePage />, { mocks: [viewer(null), empty()] });
    const latest = await screen.findByRole('region', { name: 'Latest questions' });
    expect(latest).toHaveTextContent('No question yet: ask the first one.');
    expect(within(latest).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fs%2Fhelp%2Fnew',
    );
    expect(
      within(screen.getByRole('region', { name: 'Trending ideas' })).getByRole('link', {
        name: 'Create an account',
      }),
    ).toHaveAttribute('href', '/sign-up?returnTo=%2Fideas%2Fnew');
    visitorPage.unmount();

    renderWithProviders(<HomePage />, {
      mocks: [viewer({ role: 'MEMBER' }), empty()],
    });
    const forMember = await screen.findByRole('region', { name: 'Latest questions' });
    await within(forMember).findByRole('link', { name: 'Ask a question' });
    expect(within(forMember).getByRole('link', { name: 'Ask a question' })).toHaveAttribute(
      'href',
      '/s/help/new',
    );
    expect(within(forMember).queryByRole('link', { name: 'Sign in' })).toBeNull();
  });

  it('invites staff to publish when there is no announcement', async () => {
    renderWithProviders(<HomePage />, {
      mocks: [viewer({ role: 'STAFF' }), home({ announcement: null, unanswered: [], followedActivity: [] })],
      language: 'es',
    });
    expect(await screen.findByRole('link', { name: 'Publicar uno' })).toHaveAttribute('href', '/s/news/new');
  });
});
