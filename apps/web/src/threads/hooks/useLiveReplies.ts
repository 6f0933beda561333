import { useApolloClient, useSubscription } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { useState } from 'react';
import { appendToConnection } from '../../lib/apollo';

/** The part of a live thread event this hook reads (the route's subscription asks for more). */
export interface LiveThreadEvent {
  threadEvents: { kind: string; post?: { id: string } | null };
}

/**
 * Follows a thread while its page is open. Every event's thread and post land in the cache by
 * themselves (marks, hidden notices, edits); new replies wait until the reader asks for them, so
 * the page does not move under their eyes: `newReplies` counts them, `show()` adds them to the list.
 * `shownIds` are the replies already on the page (one's own reply is there from its mutation).
 */
export function useLiveReplies(
  threadId: string,
  subscription: TypedDocumentNode<LiveThreadEvent, { threadId: string }>,
  shownIds: readonly string[],
): { newReplies: number; show: () => void } {
  const client = useApolloClient();
  const [arrived, setArrived] = useState<string[]>([]);
  useSubscription(subscription, {
    variables: { threadId },
    onData: ({ data }) => {
      const event = data.data?.threadEvents;
      const id = event?.post?.id;
      if (event?.kind !== 'REPLY_ADDED' || !id) return;
      setArrived((ids) => (ids.includes(id) ? ids : [...ids, id]));
    },
  });
  const waiting = arrived.filter((id) => !shownIds.includes(id));
  const show = () => {
    client.cache.modify({
      id: client.cache.identify({ __typename: 'Thread', id: threadId }),
      fields: {
        posts: (connection, details) =>
          waiting.reduce(
            (list, id) => appendToConnection({ __typename: 'Post', id })(list, details),
            connection as Parameters<ReturnType<typeof appendToConnection>>[0],
          ),
      },
    });
    setArrived([]);
  };
  return { newReplies: waiting.length, show };
}
