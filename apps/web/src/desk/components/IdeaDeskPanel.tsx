import { useQuery } from '@apollo/client/react';
import { hasAtLeastRole } from '@parvis/domain';
import { useViewer } from '../../lib/viewer';
import { IdeaDeskQuery, ThreadDeskQuery } from '../api/desk';
import { DeskPanel } from './DeskPanel';

/**
 * The desk panel on an idea's page (assignment and internal notes of the idea's thread). Asked
 * only for experts and the brand's people, so the public page stays one request for everyone else.
 */
export function IdeaDeskPanel({ ideaId }: { ideaId: string }) {
  const { viewer } = useViewer();
  const mayWork = viewer !== null && hasAtLeastRole(viewer.role, 'EXPERT');
  const idea = useQuery(IdeaDeskQuery, { variables: { ideaId }, skip: !mayWork });
  const threadId = idea.data?.idea.threadId;
  const thread = useQuery(ThreadDeskQuery, { variables: { id: threadId ?? '' }, skip: !threadId });
  return thread.data ? <DeskPanel thread={thread.data.thread} /> : null;
}
