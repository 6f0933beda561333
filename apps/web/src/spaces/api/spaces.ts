import { graphql } from '../../gql';

export const SpacesQuery = graphql(`
  query Spaces {
    spaces {
      id
      slug
      name
      description
      kind
    }
  }
`);
