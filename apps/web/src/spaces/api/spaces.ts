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

export const SetSpaceTextsMutation = graphql(`
  mutation SetSpaceTexts($input: SetSpaceTextsInput!) {
    setSpaceTexts(input: $input) {
      id
      name
      description
      ...SpaceTextsFields
    }
  }
`);

export const SpaceTextsQuery = graphql(`
  query SpaceTexts {
    spaces {
      ...SpaceTextsFields
    }
  }
`);
