import { useApolloClient } from '@apollo/client/react';

/**
 * After signing in or out, everything cached may be seen differently (votes, hidden posts):
 * drop the cache and refetch what is on screen.
 */
export function useSessionChange(): () => Promise<void> {
  const client = useApolloClient();
  return async () => {
    await client.resetStore();
  };
}
