import { graphql } from '../../gql';

export const HomeThreadFields = graphql(`
  fragment HomeThreadFields on Thread {
    id
    title
    publicState
    repliesCount
    createdAt
    lastActivityAt
    space {
      id
      slug
      name
    }
  }
`);

/** The home page in one request: the community's latest life, and the reader's own lists. */
export const HomeQuery = graphql(`
  query Home {
    spaces {
      id
      slug
      kind
    }
    home {
      announcement {
        id
        title
        pinned
        createdAt
        author {
          id
          displayName
          role
        }
        question {
          id
          bodyHtml
        }
      }
      latestQuestions {
        ...HomeThreadFields
      }
      recentlyAnswered {
        ...HomeThreadFields
      }
      unanswered {
        ...HomeThreadFields
      }
      followedActivity {
        ...HomeThreadFields
      }
      trendingIdeas {
        id
        title
        status
        votesCount
        commentsCount
      }
      openCampaign {
        id
        title
        question
        closesAt
      }
    }
  }
`);
