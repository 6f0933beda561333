import type { Role } from '@parvis/domain';
import type { PostExcerptFieldsFragment } from '../../gql/graphql';

/** Posts and people as the API sends them (with __typename), for the moderation component tests. */
export const user = (id: string, displayName: string, role: Role = 'MEMBER') => ({
  __typename: 'User' as const,
  id,
  displayName,
  role,
});

export const moderatedPost = (
  id: string,
  extra: Partial<PostExcerptFieldsFragment> = {},
): PostExcerptFieldsFragment => ({
  __typename: 'Post',
  id,
  threadId: 't1',
  isQuestion: false,
  bodyHtml: '<p>Call Karim at 06 12 34 56 78.</p>',
  createdAt: '2026-11-20T08:00:00.000Z',
  author: user('u-author', 'Camille Martin'),
  hidden: null,
  answered: null,
  answeredAt: null,
  tone: null,
  viewerHasFlagged: false,
  viewerCanFlag: true,
  viewerCanModerate: false,
  viewerCanMarkAnswered: false,
  viewerCanEdit: false,
  moderationContext: null,
  ...extra,
});

export const hiddenBy = (name: string): NonNullable<PostExcerptFieldsFragment['hidden']> => ({
  __typename: 'PostHidden',
  reason: 'PERSONAL_DATA',
  note: 'Phone numbers stay private.',
  at: '2026-11-21T09:30:00.000Z',
  by: user('u-mod', name, 'MODERATOR'),
});

/** A queue item's context: its thread in the help space, the message before it, the replies after it. */
export const queueContext = (
  threadId: string,
  title: string,
  extra: Partial<NonNullable<PostExcerptFieldsFragment['moderationContext']>> = {},
): NonNullable<PostExcerptFieldsFragment['moderationContext']> => ({
  __typename: 'PostModerationContext',
  thread: {
    __typename: 'Thread',
    id: threadId,
    title,
    space: { __typename: 'Space', id: 's-help', name: 'Help & support' },
  },
  previous: null,
  laterReplies: [],
  ...extra,
});

/** A post as the queue's context shows it (the message before, a possible answer). */
export const contextPost = (id: string, name: string, bodyHtml: string, isQuestion = false) => ({
  __typename: 'Post' as const,
  id,
  isQuestion,
  bodyHtml,
  createdAt: '2026-11-20T07:00:00.000Z',
  author: { __typename: 'User' as const, id: `u-${id}`, displayName: name },
});
