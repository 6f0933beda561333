import { graphql } from '../../gql';

/** The bell's count (and the list page before grouping): the newest notices and how many are unread. */
export const NotificationsQuery = graphql(`
  query Notifications {
    notifications(first: 30) {
      unreadCount
      edges {
        node {
          id
          kind
          fromStatus
          toStatus
          createdAt
          readAt
          actor {
            id
            displayName
          }
          idea {
            id
            title
          }
        }
      }
    }
  }
`);

/** The notification centre: notices grouped per subject and kind, unread groups first. */
export const NotificationGroupsQuery = graphql(`
  query NotificationGroups($kinds: [NotificationKind!]) {
    notificationGroups(kinds: $kinds, first: 100) {
      id
      kind
      subjectType
      subjectId
      count
      unreadCount
      latestAt
      actorCount
      postId
      followUpId
      started
      fromStatus
      toStatus
      rule
      clock
      actors {
        id
        displayName
      }
      thread {
        id
        title
      }
      idea {
        id
        title
      }
      campaign {
        id
        title
      }
      winnerIdea {
        id
        title
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead {
    markNotificationsRead
  }
`);

/** The unread count as it stands, then each time it changes. */
export const UnreadCountSubscription = graphql(`
  subscription UnreadCount {
    unreadNotificationCount
  }
`);

export const MarkSubjectReadMutation = graphql(`
  mutation MarkSubjectRead($input: SubjectInput!) {
    markSubjectRead(input: $input)
  }
`);

export const ThreadFollowQuery = graphql(`
  query ThreadFollow($id: ID!) {
    thread(id: $id) {
      id
      viewerFollows
    }
  }
`);

export const IdeaFollowQuery = graphql(`
  query IdeaFollow($id: ID!) {
    idea(id: $id) {
      id
      viewerFollows
    }
  }
`);

export const FollowMutation = graphql(`
  mutation Follow($input: FollowInput!) {
    follow(input: $input)
  }
`);

export const UnfollowMutation = graphql(`
  mutation Unfollow($input: FollowInput!) {
    unfollow(input: $input)
  }
`);

/** What the preferences page shows; its query and both of its mutations return it, so the cache stays whole. */
export const NotificationSettingsFields = graphql(`
  fragment NotificationSettingsFields on NotificationSettings {
    timeZone
    digestHour
    preferences {
      kind
      delivery
    }
  }
`);

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings {
      ...NotificationSettingsFields
    }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      ...NotificationSettingsFields
    }
  }
`);

export const SetNotificationTimeZoneMutation = graphql(`
  mutation SetNotificationTimeZone($input: SetNotificationTimeZoneInput!) {
    setNotificationTimeZone(input: $input) {
      ...NotificationSettingsFields
    }
  }
`);
