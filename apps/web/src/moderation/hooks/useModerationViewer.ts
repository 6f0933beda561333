import { useQuery } from '@apollo/client/react';
import { canModerate } from '@parvis/domain';
import { ModerationViewerQuery } from '../api/moderation';

/** Who is reading: a visitor (null), a member, or a moderator (who sees the queue and the controls). */
export function useModerationViewer() {
  const { data, loading } = useQuery(ModerationViewerQuery);
  const viewer = data?.me ?? null;
  return { viewer, isModerator: canModerate(viewer), loading };
}
