import { graphql } from '../../gql';

export const ThreadListFields = graphql(`
  fragment ThreadListFields on Thread {
    id
    title
    status
    language
    pinned
    locked
    repliesCount
    createdAt
    lastActivityAt
    author {
      id
      displayName
      role
    }
    sla {
      breached
      nextDueAt
    }
  }
`);

export const ThreadListQuery = graphql(`
  query ThreadList(
    $spaceId: ID!
    $status: ThreadStatus
    $unanswered: Boolean
    $sort: ThreadSort
    $first: Int
    $after: String
  ) {
    threads(
      spaceId: $spaceId
      status: $status
      unanswered: $unanswered
      sort: $sort
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ThreadListFields
        }
      }
    }
  }
`);

export const PostFields = graphql(`
  fragment PostFields on Post {
    id
    threadId
    isQuestion
    bodyHtml
    bodyMarkdown
    isOfficial
    isAcceptedAnswer
    thanksCount
    viewerHasThanked
    viewerCanEdit
    createdAt
    editedAt
    hidden {
      at
    }
    author {
      id
      displayName
      role
      reputation
    }
    revisions {
      id
      bodyHtml
      writtenAt
      replacedAt
    }
  }
`);

export const ThreadPageFields = graphql(`
  fragment ThreadPageFields on Thread {
    id
    title
    status
    language
    locked
    lockReason
    pinned
    repliesCount
    createdAt
    lastActivityAt
    resolvedAt
    viewerCanReply
    viewerCanAcceptAnswer
    viewerCanResolve
    viewerCanStartPrivateFollowUp
    space {
      id
      slug
      name
    }
    author {
      id
      displayName
      role
    }
    acceptedBy {
      id
      displayName
    }
    sla {
      firstResponseDueAt
      answerDueAt
      firstResponseAt
      answeredAt
      breached
      firstResponseBreached
      answerBreached
      nextDueAt
    }
    privateFollowUp {
      startedAt
      followUpId
      agent {
        id
        displayName
        role
      }
    }
    question {
      ...PostFields
    }
    acceptedAnswer {
      ...PostFields
    }
  }
`);

export const ThreadPageQuery = graphql(`
  query ThreadPage($id: ID!, $after: String) {
    thread(id: $id) {
      ...ThreadPageFields
      posts(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...PostFields
          }
        }
      }
    }
  }
`);

export const CreateThreadMutation = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      id
    }
  }
`);

export const ReplyMutation = graphql(`
  mutation Reply($input: ReplyInput!) {
    reply(input: $input) {
      ...PostFields
    }
  }
`);

export const EditPostMutation = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      ...PostFields
    }
  }
`);

export const AcceptAnswerMutation = graphql(`
  mutation AcceptAnswer($input: PostIdInput!) {
    acceptAnswer(input: $input) {
      ...ThreadPageFields
    }
  }
`);

export const ResolveThreadMutation = graphql(`
  mutation ResolveThread($input: ThreadIdInput!) {
    resolveThread(input: $input) {
      ...ThreadPageFields
    }
  }
`);

export const ReopenThreadMutation = graphql(`
  mutation ReopenThread($input: ThreadIdInput!) {
    reopenThread(input: $input) {
      ...ThreadPageFields
    }
  }
`);

export const ThankMutation = graphql(`
  mutation Thank($input: PostIdInput!) {
    thank(input: $input) {
      id
      thanksCount
      viewerHasThanked
    }
  }
`);

export const MarkdownPreviewQuery = graphql(`
  query MarkdownPreview($bodyMarkdown: String!) {
    markdownPreview(bodyMarkdown: $bodyMarkdown)
  }
`);

export const SimilarThreadsQuery = graphql(`
  query SimilarThreads($title: String!) {
    similar(title: $title, kind: HELP) {
      id
      title
      status
      repliesCount
    }
  }
`);

export const SlaQueueQuery = graphql(`
  query SlaQueue($first: Int, $after: String) {
    slaQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          language
          status
          repliesCount
          createdAt
          space {
            id
            slug
            name
          }
          author {
            id
            displayName
          }
          sla {
            firstResponseDueAt
            answerDueAt
            firstResponseAt
            breached
            firstResponseBreached
            answerBreached
            nextDueAt
          }
        }
      }
    }
  }
`);

export const PrivateFollowUpFields = graphql(`
  fragment PrivateFollowUpFields on PrivateFollowUp {
    id
    createdAt
    thread {
      id
      title
    }
    asker {
      id
      displayName
    }
    agent {
      id
      displayName
      role
    }
    messages {
      id
      bodyHtml
      createdAt
      author {
        id
        displayName
        role
      }
    }
  }
`);

export const PrivateFollowUpQuery = graphql(`
  query PrivateFollowUp($id: ID!) {
    privateFollowUp(id: $id) {
      ...PrivateFollowUpFields
    }
  }
`);

export const StartPrivateFollowUpMutation = graphql(`
  mutation StartPrivateFollowUp($input: StartPrivateFollowUpInput!) {
    startPrivateFollowUp(input: $input) {
      ...PrivateFollowUpFields
    }
  }
`);

export const SendPrivateMessageMutation = graphql(`
  mutation SendPrivateMessage($input: SendPrivateMessageInput!) {
    sendPrivateMessage(input: $input) {
      id
    }
  }
`);

export const ContributorQuery = graphql(`
  query Contributor($id: ID!) {
    user(id: $id) {
      id
      displayName
      role
      reputation
      thanksReceived
      acceptedAnswers
      createdAt
    }
  }
`);
