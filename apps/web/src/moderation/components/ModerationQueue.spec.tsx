import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { CrisisBannerQuery, HidePostMutation, ModerationQueueQuery } from '../api/moderation';
import { moderatedPost, user } from '../testing/moderation-fixtures';
import { ModerationQueue } from './ModerationQueue';

const flaggedPost = moderatedPost('p1', { viewerCanModerate: true, viewerCanFlag: false });
const negativePost = moderatedPost('p2', {
  bodyHtml: '<p>Worst service ever.</p>',
  threadId: 't2',
  tone: { __typename: 'PostTone', label: 'NEGATIVE', score: -0.62 },
});
const queue = (flagged: unknown[]) => ({
  request: { query: ModerationQueueQuery },
  result: {
    data: {
      moderationQueue: {
        __typename: 'ModerationQueue',
        flagged,
        negativeUnanswered: [negativePost],
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
    expect(item).toHaveTextContent('Personal data, Other breach of the charter');
    expect(item).toHaveTextContent('Inès Moreau: Personal data — “Phone number of a driver”');
    expect(within(item).getByRole('link', { name: 'Open the thread' })).toHaveAttribute(
      'href',
      '/t/t1#post-p1',
    );
    expect(within(item).getByLabelText('Hide as')).toHaveValue('PERSONAL_DATA');

    const negative = screen.getByRole('region', { name: 'Negative posts waiting for an answer' });
    expect(negative).toHaveTextContent('Worst service ever.');
    expect(negative).toHaveTextContent('Tone: negative (-0.62)');

    await userEvent.setup().click(within(item).getByRole('button', { name: 'Hide' }));
    expect(await screen.findByText('No open flag.')).toBeInTheDocument();
  });
});
