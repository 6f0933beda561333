import { useQuery } from '@apollo/client/react';
import { canModerate, hasAtLeastRole } from '@parvis/domain';
import { graphql } from '../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
      role
      reputation
    }
  }
`);

/**
 * Who is reading: a visitor (`viewer` null), a member, staff and above (who see the answer
 * clocks), or a moderator (who sees the queue and the controls). `loading` until the API has
 * answered once. The one `me` query of the app: every component asks it here, so it is sent once.
 */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery);
  const viewer = data?.me ?? null;
  return {
    viewer,
    loading,
    isStaff: viewer !== null && hasAtLeastRole(viewer.role, 'STAFF'),
    isModerator: canModerate(viewer),
  };
}
