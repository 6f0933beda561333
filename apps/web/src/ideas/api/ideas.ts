import { graphql } from '../../gql';

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
      ...VoteFields
    }
  }
`);

export const UnvoteMutation = graphql(`
  mutation UnvoteIdea($input: VoteInput!) {
    unvote(input: $input) {
      ...VoteFields
    }
  }
`);

export const SetIdeaStatusMutation = graphql(`
  mutation SetIdeaStatus($input: SetIdeaStatusInput!) {
    setIdeaStatus(input: $input) {
      id
      status
      votingOpen
      statusHistory {
        ...StatusChangeFields
      }
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
      statusHistory {
        ...StatusChangeFields
      }
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

/** Vote counts as they change (the board's and a campaign's ranking), each idea merged into the cache by id. */
export const IdeaVotesSubscription = graphql(`
  subscription IdeaVotes($campaignId: ID) {
    ideaVotes(campaignId: $campaignId) {
      id
      votesCount
    }
  }
`);
