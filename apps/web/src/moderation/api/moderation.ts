import { graphql } from '../../gql';

export const ModerationPostFields = graphql(`
  fragment ModerationPostFields on Post {
    id
    threadId
    isQuestion
    bodyHtml
    createdAt
    author {
      id
      displayName
      role
    }
    hidden {
      reason
      note
      at
      by {
        id
        displayName
      }
    }
    answered {
      id
      author {
        id
        displayName
        role
      }
    }
    answeredAt
    tone {
      label
      score
    }
    viewerHasFlagged
    viewerCanFlag
    viewerCanModerate
    viewerCanMarkAnswered
    viewerCanEdit
  }
`);

export const ThreadModerationQuery = graphql(`
  query ThreadModeration($id: ID!) {
    thread(id: $id) {
      id
      title
      locked
      lockReason
      pinned
      space {
        id
        slug
      }
      question {
        ...ModerationPostFields
      }
      posts(first: 100) {
        edges {
          node {
            ...ModerationPostFields
          }
        }
      }
    }
  }
`);

export const ModerationViewerQuery = graphql(`
  query ModerationViewer {
    me {
      id
      role
    }
  }
`);

export const MoveTargetsQuery = graphql(`
  query MoveTargets {
    spaces {
      id
      name
      kind
    }
  }
`);

export const FlagMutation = graphql(`
  mutation Flag($input: FlagInput!) {
    flag(input: $input) {
      id
      viewerHasFlagged
    }
  }
`);

export const HidePostMutation = graphql(`
  mutation HidePost($input: HidePostInput!) {
    hidePost(input: $input) {
      ...ModerationPostFields
    }
  }
`);

export const RestorePostMutation = graphql(`
  mutation RestorePost($input: ModeratePostInput!) {
    restorePost(input: $input) {
      ...ModerationPostFields
    }
  }
`);

export const DismissFlagsMutation = graphql(`
  mutation DismissFlags($input: ModeratePostInput!) {
    dismissFlags(input: $input) {
      id
    }
  }
`);

export const MarkAnsweredMutation = graphql(`
  mutation MarkAnswered($input: MarkAnsweredInput!) {
    markAnswered(input: $input) {
      ...ModerationPostFields
    }
  }
`);

export const ResolveFromQueueMutation = graphql(`
  mutation ResolveFromQueue($input: ThreadIdInput!) {
    resolveThread(input: $input) {
      id
      status
    }
  }
`);

export const LockThreadMutation = graphql(`
  mutation LockThread($input: LockThreadInput!) {
    lockThread(input: $input) {
      id
      locked
      lockReason
      pinned
    }
  }
`);

export const UnlockThreadMutation = graphql(`
  mutation UnlockThread($input: ModerateThreadInput!) {
    unlockThread(input: $input) {
      id
      locked
      lockReason
      pinned
    }
  }
`);

export const PinThreadMutation = graphql(`
  mutation PinThread($input: ModerateThreadInput!) {
    pinThread(input: $input) {
      id
      locked
      lockReason
      pinned
    }
  }
`);

export const UnpinThreadMutation = graphql(`
  mutation UnpinThread($input: ModerateThreadInput!) {
    unpinThread(input: $input) {
      id
      locked
      lockReason
      pinned
    }
  }
`);

export const MoveThreadMutation = graphql(`
  mutation MoveThread($input: MoveThreadInput!) {
    moveThread(input: $input) {
      id
      space {
        id
        slug
        name
      }
    }
  }
`);

export const ModerationQueueQuery = graphql(`
  query ModerationQueue {
    moderationQueue {
      flagged {
        flagsCount
        reasons
        latestAt
        post {
          ...ModerationPostFields
        }
        flags {
          id
          reason
          note
          createdAt
          member {
            id
            displayName
          }
        }
      }
      negativeUnanswered {
        ...ModerationPostFields
      }
    }
  }
`);

export const ModerationLogQuery = graphql(`
  query ModerationLog($first: Int, $after: String) {
    moderationLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          targetType
          targetId
          rule
          reason
          threadId
          title
          createdAt
          details {
            key
            value
          }
          actor {
            id
            displayName
            role
          }
        }
      }
    }
  }
`);

export const CrisisBannerQuery = graphql(`
  query CrisisBanner {
    crisisBanner {
      id
      title
      bodyHtml
      publishedAt
      thread {
        id
        title
      }
    }
  }
`);

export const PublishCrisisBannerMutation = graphql(`
  mutation PublishCrisisBanner($input: PublishCrisisBannerInput!) {
    publishCrisisBanner(input: $input) {
      id
    }
  }
`);

export const TakeDownCrisisBannerMutation = graphql(`
  mutation TakeDownCrisisBanner($input: TakeDownCrisisBannerInput!) {
    takeDownCrisisBanner(input: $input) {
      id
    }
  }
`);
