import { useParams } from 'react-router';
import { PostModeration } from '../../moderation/components/PostModeration';
import { ThreadModerationControls } from '../../moderation/components/ThreadModerationControls';
import { ThreadPage } from '../../threads/components/ThreadPage';

export function ThreadRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <ThreadPage id={id} postExtra={(postId) => <PostModeration threadId={id} postId={postId} />} />
      <ThreadModerationControls threadId={id} />
    </>
  );
}
