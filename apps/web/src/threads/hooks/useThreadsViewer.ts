import { useQuery } from '@apollo/client/react';
import { hasAtLeastRole } from '@parvis/domain';
import { graphql } from '../../gql';

export const ThreadsViewerQuery = graphql(`
  query ThreadsViewer {
    me {
      id
      role
    }
  }
`);

/** Who reads the threads: a visitor (null), a member, or staff and above (who see the answer clocks). */
export function useThreadsViewer() {
  const { data } = useQuery(ThreadsViewerQuery);
  const viewer = data?.me ?? null;
  return { viewer, isStaff: viewer !== null && hasAtLeastRole(viewer.role, 'STAFF') };
}
