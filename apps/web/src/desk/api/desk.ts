import { graphql } from '../../gql';

/** The typed operations of the desk: assignment, internal notes, duty hours. */

export const AssignableUsersQuery = graphql(`
  query AssignableUsers {
    assignableUsers {
      id
      displayName
      role
    }
  }
`);

export const AssignThreadMutation = graphql(`
  mutation AssignThread($input: AssignThreadInput!) {
    assignThread(input: $input) {
      ...ThreadDeskFields
      ...ThreadAcknowledgementFields
    }
  }
`);

export const TakeThreadMutation = graphql(`
  mutation TakeThread($input: ThreadIdInput!) {
    takeThread(input: $input) {
      ...ThreadDeskFields
      ...ThreadAcknowledgementFields
    }
  }
`);

export const ReleaseThreadMutation = graphql(`
  mutation ReleaseThread($input: ThreadIdInput!) {
    releaseThread(input: $input) {
      ...ThreadDeskFields
      ...ThreadAcknowledgementFields
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      ...InternalNoteFields
    }
  }
`);

export const DutySpacesQuery = graphql(`
  query DutySpaces {
    spaces {
      id
      name
      kind
      timeZone
      openingPeriods {
        day
        from
        to
      }
    }
  }
`);

export const MyDutyQuery = graphql(`
  query MyDuty($spaceId: ID!) {
    myDuty(spaceId: $spaceId) {
      ...DutyScheduleFields
    }
  }
`);

export const SetDutyScheduleMutation = graphql(`
  mutation SetDutySchedule($input: SetDutyScheduleInput!) {
    setDutySchedule(input: $input) {
      ...DutyScheduleFields
    }
  }
`);

export const SetDutyExceptionMutation = graphql(`
  mutation SetDutyException($input: SetDutyExceptionInput!) {
    setDutyException(input: $input) {
      date
      periods {
        from
        to
      }
    }
  }
`);

/** The desk side of an idea, for the brand's people only: an idea is a thread, the panel is the thread's. */
export const IdeaDeskQuery = graphql(`
  query IdeaDesk($ideaId: ID!) {
    idea(id: $ideaId) {
      id
      threadId
    }
  }
`);

export const ThreadDeskQuery = graphql(`
  query ThreadDesk($id: ID!) {
    thread(id: $id) {
      ...ThreadDeskFields
    }
  }
`);

export const SetOpeningHoursMutation = graphql(`
  mutation SetOpeningHours($input: SetOpeningHoursInput!) {
    setOpeningHours(input: $input) {
      id
      timeZone
      openingPeriods {
        day
        from
        to
      }
    }
  }
`);

export const InviteExpertMutation = graphql(`
  mutation InviteExpertToNotes($input: InviteExpertInput!) {
    inviteExpertToNotes(input: $input)
  }
`);
