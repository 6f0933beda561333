import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AskEventKind } from '../../gql/graphql';
import { RecordAskEventMutation } from '../api/threads';

/**
 * One attempt to ask in a space, reported step by step for the staff report's deflection
 * figures: the form opened, similar answered questions shown, one opened, the question posted.
 * Each step is sent once per attempt. The report is a by-product of asking: a failed send is
 * kept in the mutation's state (errorPolicy "all") and never stands in the asker's way.
 */
export function useAskAttempt(spaceId: string, language: string) {
  const [attemptId] = useState(() => crypto.randomUUID());
  const sent = useRef(new Set<AskEventKind>());
  const [send] = useMutation(RecordAskEventMutation, { errorPolicy: 'all' });

  const record = useCallback(
    (event: AskEventKind, threadId?: string) => {
      if (sent.current.has(event)) return Promise.resolve();
      sent.current.add(event);
      return send({ variables: { input: { attemptId, spaceId, event, language, threadId } } }).then(
        () => undefined,
      );
    },
    [attemptId, spaceId, language, send],
  );

  useEffect(() => {
    void record('STARTED');
  }, [record]);

  return record;
}
