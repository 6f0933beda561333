import { useApolloClient } from '@apollo/client/react';

/**
 * After signing in or out, everything cached may be seen differently (votes, hidden posts):
 * drop the cache and refetch what is on screen. The cache is dropped in the next microtask, before
 * any next page renders; the promise settles when every refetch has. A caller that moves to another
 * page moves right away and awaits the promise after: moving once every query on screen had
 * answered took the person away from whatever page they had opened meanwhile (on a slow network,
 * seconds later).
 */
export function useSessionChange(): () => Promise<void> {
  const client = useApolloClient();
  return () =>
    client.resetStore().then(
      () => undefined,
      (error: unknown) => {
        // The refetch of a query whose page was just left is aborted: that page is gone, nothing
        // waits for its answer. Any other failure is the caller's (and shows in its query's error).
        if ((error as { name?: unknown } | null)?.name !== 'AbortError') throw error;
      },
    );
}
