import { graphql } from '../../gql';

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
      viewerCanFlag
    }
  }
`);

export const HidePostMutation = graphql(`
  mutation HidePost($input: HidePostInput!) {
    hidePost(input: $input) {
      ...PostModerationFields
    }
  }
`);

export const RestorePostMutation = graphql(`
  mutation RestorePost($input: ModeratePostInput!) {
    restorePost(input: $input) {
      ...PostModerationFields
    }
  }
`);

export const DismissFlagsMutation = graphql(`
  mutation DismissFlags($input: ModeratePostInput!) {
    dismissFlags(input: $input) {
      id
      viewerHasFlagged
    }
  }
`);

export const MarkAnsweredMutation = graphql(`
  mutation MarkAnswered($input: MarkAnsweredInput!) {
    markAnswered(input: $input) {
      ...PostModerationFields
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
      ...ThreadModerationFields
      viewerCanReply
    }
  }
`);

export const UnlockThreadMutation = graphql(`
  mutation UnlockThread($input: ModerateThreadInput!) {
    unlockThread(input: $input) {
      ...ThreadModerationFields
      viewerCanReply
    }
  }
`);

export const PinThreadMutation = graphql(`
  mutation PinThread($input: ModerateThreadInput!) {
    pinThread(input: $input) {
      ...ThreadModerationFields
      viewerCanReply
    }
  }
`);

export const UnpinThreadMutation = graphql(`
  mutation UnpinThread($input: ModerateThreadInput!) {
    unpinThread(input: $input) {
      ...ThreadModerationFields
      viewerCanReply
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
          ...PostExcerptFields
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
        ...PostExcerptFields
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
            ...AuthorFields
          }
        }
      }
    }
  }
`);

export const CrisisBannerQuery = graphql(`
  query CrisisBanner {
    crisisBanner {
      ...CrisisBannerFields
    }
  }
`);

export const PublishCrisisBannerMutation = graphql(`
  mutation PublishCrisisBanner($input: PublishCrisisBannerInput!) {
    publishCrisisBanner(input: $input) {
      ...CrisisBannerFields
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
