import { useQuery } from '@apollo/client/react';
import { ViewerQuery } from '../api/identity';

/** Who is signed in (null for a visitor); `loading` until the API has answered once. */
export function useViewer() {
  const { data, loading } = useQuery(ViewerQuery);
  return { viewer: data?.me ?? null, loading };
}
