import { graphql } from '../../gql';
import { ViewerQuery } from '../../lib/viewer';
import { ThreadPage } from '../components/ThreadPage';

/**
 * The thread page's query and reply as the threads feature alone asks them; the app's route
 * adds the moderation fields to both (app/routes/ThreadRoute.tsx).
 */
export const ThreadPageTestQuery = graphql(`
  query ThreadPageTest($id: ID!, $after: String) {
    thread(id: $id) {
      ...ThreadPageFields
      posts(first: 2, after: $after) {
        ...ThreadPagePosts
      }
    }
  }
`);

export const ReplyTestMutation = graphql(`
  mutation ReplyTest($input: ReplyInput!) {
    reply(input: $input) {
      ...PostViewFields
    }
  }
`);

export const ThreadLiveTestSubscription = graphql(`
  subscription ThreadLiveTest($threadId: ID!) {
    threadEvents(threadId: $threadId) {
      ...ThreadLiveEventFields
    }
  }
`);

/** A live event of thread t1, as the subscription delivers it. */
export function liveEvent(
  kind: string,
  shown: ReturnType<typeof post> | null,
  threadExtra: Record<string, unknown> = {},
) {
  return {
    request: { query: ThreadLiveTestSubscription, variables: { threadId: 't1' } },
    result: {
      data: {
        threadEvents: {
          __typename: 'ThreadEvent',
          kind,
          thread: {
            __typename: 'Thread',
            id: 't1',
            status: 'OPEN',
            resolvedAt: null,
            repliesCount: 1,
            lastActivityAt: '2026-11-20T11:00:00.000Z',
            viewerCanAcceptAnswer: false,
            acceptedBy: null,
            acceptedAnswer: null,
            ...threadExtra,
          },
          post: shown,
        },
      },
    },
    delay: 150,
  };
}

/**
 * API answers for the threads component tests, shaped exactly like the operations' selections.
 * A viewer who also wrote posts of the page is given as that author (`viewerMock(member)`): the
 * cache keeps one `User` per id, and a viewer named otherwise would rename the author's posts
 * whenever the viewer's answer arrived after the page's.
 */
export function viewerMock(viewer: { id: string; role: string; displayName?: string } | null) {
  return {
    request: { query: ViewerQuery },
    result: {
      data: { me: viewer && { __typename: 'User', displayName: 'Viewer', reputation: 0, ...viewer } },
    },
    maxUsageCount: 10,
  };
}

export const user = (id: string, displayName: string, role = 'MEMBER') => ({
  __typename: 'User' as const,
  id,
  displayName,
  role,
});

export function post(
  id: string,
  author: ReturnType<typeof user>,
  body: string,
  extra: Record<string, unknown> = {},
) {
  return {
    __typename: 'Post' as const,
    id,
    threadId: 't1',
    isQuestion: false,
    bodyHtml: `<p>${body}</p>`,
    isOfficial: author.role === 'STAFF',
    isAcceptedAnswer: false,
    thanksCount: 0,
    viewerHasThanked: false,
    viewerCanEdit: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    hidden: null,
    author,
    revisions: [],
    ...extra,
  };
}

export function thread(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Thread' as const,
    id: 't1',
    title: 'My card is refused online',
    status: 'OPEN',
    language: 'en',
    locked: false,
    lockReason: null,
    pinned: false,
    repliesCount: 0,
    createdAt: '2026-11-20T09:00:00.000Z',
    lastActivityAt: '2026-11-20T10:00:00.000Z',
    resolvedAt: null,
    viewerCanReply: true,
    viewerCanAcceptAnswer: false,
    viewerCanResolve: false,
    viewerCanStartPrivateFollowUp: false,
    space: { __typename: 'Space', id: 's1', slug: 'help', name: 'Help' },
    author: user('asker', 'Ana Asker'),
    acceptedBy: null,
    sla: null,
    privateFollowUp: null,
    question: post('q1', user('asker', 'Ana Asker'), 'It says declined.', { isQuestion: true }),
    acceptedAnswer: null,
    posts: {
      __typename: 'PostConnection',
      totalCount: 0,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: [],
    },
    ...extra,
  };
}

export function edges<T>(nodes: T[]) {
  return nodes.map((node) => ({ __typename: 'PostEdge', node }));
}

/** The thread page of thread `t1`, with the feature's own operations. */
export const threadPageOfT1 = (
  <ThreadPage
    id="t1"
    query={ThreadPageTestQuery}
    replyMutation={ReplyTestMutation}
    liveSubscription={ThreadLiveTestSubscription}
  />
);

/** The API's answer to the page's query: thread `t1` with `extra` fields. */
export function threadPageAnswer(extra: Record<string, unknown>) {
  return {
    request: { query: ThreadPageTestQuery, variables: { id: 't1' } },
    result: { data: { thread: thread(extra) } },
    maxUsageCount: 5,
  };
}
