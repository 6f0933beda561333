import { graphql } from '../../gql';

export const ReportQuery = graphql(`
  query Report(
    $from: DateTime!
    $to: DateTime!
    $granularity: ReportGranularity!
    $timeZone: String
    $spaceId: ID
    $language: String
  ) {
    report(
      from: $from
      to: $to
      granularity: $granularity
      timeZone: $timeZone
      spaceId: $spaceId
      language: $language
    ) {
      timeZone
      responseTimes {
        period
        questions
        firstResponseMedian
        firstResponseP90
        answerMedian
        answerP90
        firstResponseMet
        firstResponseMissed
        answerMet
        answerMissed
      }
      answerers {
        community
        experts
        staff
      }
      topHelpers {
        userId
        displayName
        closed
        role
        acceptedAnswers
        replies
        thanks
      }
      deflection {
        period
        attempts
        suggestionsShown
        suggestionOpened
        notPosted
      }
      mood {
        period
        negativePosts
        answeredInTime
        answeredLate
      }
      ideaFlow {
        period
        submitted
        underReview
        planned
        inProgress
        launched
        declined
      }
      timeInStatus {
        status
        stays
        medianDays
        averageDays
      }
      topIdeas {
        ideaId
        title
        status
        votesInRange
        votesTotal
      }
      trendingIdeas {
        ideaId
        title
        status
        votesInRange
        votesTotal
      }
      campaigns {
        campaignId
        title
        closesAt
        ideas
        votes
        winnerIdeaId
        winnerTitle
        winnerVotes
      }
    }
  }
`);

export const ReportSpacesQuery = graphql(`
  query ReportSpaces {
    spaces {
      id
      name
      kind
    }
  }
`);

export const ExecutiveDigestQuery = graphql(`
  query ExecutiveDigest($day: String!, $timeZone: String) {
    executiveDigest(day: $day, timeZone: $timeZone) {
      day
      timeZone
      questions
      acknowledgedInTime
      acknowledgedLate
      acknowledgementPending
      answeredInTime
      answeredLate
      answerPending
      hottestNegative {
        threadId
        title
        status
        negativePosts
        answered
        acknowledgedAt
      }
      ideasMoved {
        ideaId
        title
        fromStatus
        toStatus
        at
      }
    }
  }
`);

export const DigestRecipientsQuery = graphql(`
  query DigestRecipients {
    digestRecipients {
      id
      email
      name
      language
      timeZone
      active
    }
  }
`);

export const AddDigestRecipientMutation = graphql(`
  mutation AddDigestRecipient($input: AddDigestRecipientInput!) {
    addDigestRecipient(input: $input) {
      id
      email
      name
      language
      timeZone
      active
    }
  }
`);

export const SetDigestRecipientActiveMutation = graphql(`
  mutation SetDigestRecipientActive($input: SetDigestRecipientActiveInput!) {
    setDigestRecipientActive(input: $input) {
      id
      active
    }
  }
`);
