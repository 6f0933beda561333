import { graphql } from '../../gql';

export const IdeaCardFields = graphql(`
  fragment IdeaCardFields on Idea {
    id
    title
    status
    votesCount
    viewerHasVoted
    votingOpen
    commentsCount
    createdAt
    author {
      id
      displayName
      role
    }
  }
`);

export const IdeaBoardQuery = graphql(`
  query IdeaBoard(
    $spaceId: ID
    $sort: IdeaSort
    $status: IdeaStatus
    $campaignId: ID
    $first: Int
    $after: String
  ) {
    ideas(
      spaceId: $spaceId
      sort: $sort
      status: $status
      campaignId: $campaignId
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...IdeaCardFields
        }
      }
    }
  }
`);

export const IdeaPageQuery = graphql(`
  query IdeaPage($id: ID!) {
    idea(id: $id) {
      ...IdeaCardFields
      body
      threadId
      bodyPost {
        id
      }
      mergedInto {
        id
        title
      }
      mergedIdeas {
        id
        title
      }
      campaign {
        id
        title
      }
      statusHistory {
        id
        fromStatus
        toStatus
        response
        votesMoved
        createdAt
        changedBy {
          id
          displayName
          role
        }
        mergedInto {
          id
          title
        }
      }
      comments(first: 100) {
        totalCount
        edges {
          node {
            id
            bodyHtml
            createdAt
            isOfficial
            author {
              id
              displayName
              role
            }
          }
        }
      }
    }
  }
`);

export const SimilarIdeasQuery = graphql(`
  query SimilarIdeas($title: String!) {
    similarIdeas(title: $title) {
      id
      title
      status
      votesCount
    }
  }
`);

export const SubmitIdeaMutation = graphql(`
  mutation SubmitIdea($input: SubmitIdeaInput!) {
    submitIdea(input: $input) {
      ...IdeaCardFields
    }
  }
`);

export const VoteMutation = graphql(`
  mutation VoteForIdea($input: VoteInput!) {
    vote(input: $input) {
      id
      votesCount
      viewerHasVoted
    }
  }
`);

export const UnvoteMutation = graphql(`
  mutation UnvoteIdea($input: VoteInput!) {
    unvote(input: $input) {
      id
      votesCount
      viewerHasVoted
    }
  }
`);

export const SetIdeaStatusMutation = graphql(`
  mutation SetIdeaStatus($input: SetIdeaStatusInput!) {
    setIdeaStatus(input: $input) {
      id
      status
      votingOpen
    }
  }
`);

export const MergeIdeaMutation = graphql(`
  mutation MergeIdea($input: MergeIdeaInput!) {
    mergeIdea(input: $input) {
      id
      status
      votesCount
      votingOpen
      mergedInto {
        id
        title
        votesCount
      }
    }
  }
`);

export const CommentOnIdeaMutation = graphql(`
  mutation CommentOnIdea($input: ReplyInput!) {
    reply(input: $input) {
      id
    }
  }
`);

export const CampaignsQuery = graphql(`
  query Campaigns {
    campaigns {
      id
      title
      question
      phase
      opensAt
      closesAt
      ideasCount
      winner {
        id
        title
      }
    }
  }
`);

export const CampaignPageQuery = graphql(`
  query CampaignPage($id: ID!) {
    campaign(id: $id) {
      id
      title
      question
      phase
      opensAt
      closesAt
      votesPerMember
      viewerVotesUsed
      viewerVotesRemaining
      winner {
        id
        title
      }
      ranking {
        rank
        votes
        idea {
          ...IdeaCardFields
        }
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
    }
  }
`);
