import { graphql } from '../../gql';

export const SearchQuery = graphql(`
  query Search($query: String!) {
    search(query: $query, first: 20) {
      rank
      titleHtml
      snippetHtml
      thread {
        id
        title
        status
        language
        repliesCount
        space {
          id
          slug
          name
        }
      }
      post {
        id
        isQuestion
      }
    }
    # Where a question nobody has asked yet can be asked, when nothing matches.
    spaces {
      id
      slug
      kind
    }
  }
`);
