import { useApolloClient } from '@apollo/client/react';

/**
 * After signing in or out, everything cached may be seen differently (votes, hidden posts):
 * drop the cache and refetch what is on screen. The cache is dropped at once; the promise settles
 * when every refetch has. A caller that then moves to another page moves right away and awaits
 * the promise after: moving once every query on screen had answered took the person away from
 * whatever page they had opened meanwhile (on a slow network, seconds later).
 */
export function useSessionChange(): () => Promise<void> {
  const client = useApolloClient();
  return async () => {
    await client.resetStore();
  };
}
