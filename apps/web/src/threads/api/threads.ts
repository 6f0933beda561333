import { graphql } from '../../gql';

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

/** The answer clocks alone, asked again after a reply that may have stopped the first one. */
export const ThreadClocksQuery = graphql(`
  query ThreadClocks($id: ID!) {
    thread(id: $id) {
      id
      sla {
        ...SlaClocksFields
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

/** A post's Markdown source, for its editor (the page itself shows only the HTML). */
export const PostMarkdownQuery = graphql(`
  query PostMarkdown($id: ID!) {
    post(id: $id) {
      id
      bodyMarkdown
    }
  }
`);

export const EditPostMutation = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      ...PostViewFields
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
  query SlaQueue($first: Int, $after: String, $view: SlaQueueView) {
    slaQueue(first: $first, after: $after, view: $view) {
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
            ...AuthorFields
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
          assignee {
            id
            displayName
          }
          offeredTo {
            id
            displayName
          }
        }
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
      ...PrivateMessageFields
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
      recentQuestions {
        id
        title
        status
        repliesCount
        createdAt
      }
      recentAnswers {
        post {
          id
          isAcceptedAnswer
          thanksCount
          createdAt
        }
        thread {
          id
          title
        }
      }
      recentIdeas {
        id
        title
        status
        votesCount
      }
    }
    # Where the person reading their own empty profile can ask their first question.
    spaces {
      id
      slug
      kind
    }
  }
`);

/**
 * What the thread page needs of a live event: the thread's marks as they are now and the post
 * concerned. A route's subscription spreads it and adds its other features' post fields, as its
 * query does, so an event updates everything the page shows of that post.
 */
export const ThreadLiveEventFields = graphql(`
  fragment ThreadLiveEventFields on ThreadEvent {
    kind
    thread {
      id
      status
      resolvedAt
      repliesCount
      lastActivityAt
      viewerCanAcceptAnswer
      acceptedBy {
        id
        displayName
      }
      acceptedAnswer {
        ...PostViewFields
      }
    }
    post {
      ...PostViewFields
    }
  }
`);

/** Members whose name starts with what follows an "@" in the reply editor. */
export const MentionMembersQuery = graphql(`
  query MentionMembers($prefix: String!) {
    members(prefix: $prefix, first: 6) {
      id
      displayName
    }
  }
`);

export const RecordAskEventMutation = graphql(`
  mutation RecordAskEvent($input: RecordAskEventInput!) {
    recordAskEvent(input: $input)
  }
`);
