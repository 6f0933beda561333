import { graphql } from '../../gql';

export const CaughtMailsQuery = graphql(`
  query CaughtMails($first: Int!) {
    caughtMails(first: $first) {
      id
      to
      from
      subject
      text
      html
      caughtAt
      headers {
        name
        value
      }
    }
  }
`);

export const UnsubscribeMutation = graphql(`
  mutation Unsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      list
    }
  }
`);
