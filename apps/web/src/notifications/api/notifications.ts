import { graphql } from '../../gql';

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
