import { useParams } from 'react-router';
import { useViewer } from '../../identity/hooks/useViewer';
import { IdeaDetail } from '../../ideas/components/IdeaDetail';

export function IdeaRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  return <IdeaDetail id={id} viewerRole={viewer?.role ?? null} />;
}
