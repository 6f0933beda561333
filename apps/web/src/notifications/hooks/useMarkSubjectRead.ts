import { useMutation } from '@apollo/client/react';
import { useEffect } from 'react';
import type { NotificationSubjectType } from '../../gql/graphql';
import { MarkSubjectReadMutation, NotificationsQuery } from '../api/notifications';

/**
 * Opening a thread, idea or campaign reads its notices: the page calls this once it shows the
 * subject (signed in only), and the bell's count is asked again.
 */
export function useMarkSubjectRead(
  subjectType: NotificationSubjectType,
  subjectId: string,
  signedIn: boolean,
) {
  const [mark] = useMutation(MarkSubjectReadMutation, { refetchQueries: [NotificationsQuery] });
  useEffect(() => {
    if (!signedIn || !subjectId) return;
    void mark({ variables: { input: { subjectType, subjectId } } }).catch(() => undefined);
  }, [mark, signedIn, subjectType, subjectId]);
}
