import { useParams } from 'react-router';
import { useViewer } from '../../identity/hooks/useViewer';
import { IdeaDetail } from '../../ideas/components/IdeaDetail';
import { PostModeration } from '../../moderation/components/PostModeration';

export function IdeaRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  return (
    <IdeaDetail
      id={id}
      viewerRole={viewer?.role ?? null}
      postExtra={(threadId, postId) => <PostModeration threadId={threadId} postId={postId} />}
    />
  );
}
