import { useParams } from 'react-router';
import { graphql } from '../../gql';
import { IdeaHead } from '../heads/IdeaHead';
import type { IdeaRouteQuery as IdeaRouteData } from '../../gql/graphql';
import { IdeaDeskPanel } from '../../desk/components/IdeaDeskPanel';
import { IdeaDetail } from '../../ideas/components/IdeaDetail';
import { useViewer } from '../../lib/viewer';
import { PostModerationView } from '../../moderation/components/PostModeration';
import { FollowButton } from '../../notifications/components/FollowButton';
import { useMarkSubjectRead } from '../../notifications/hooks/useMarkSubjectRead';

/**
 * The idea page's one query: the ideas feature's fields, with the moderation fields of the body
 * and of every comment (those loaded later too, and a comment just posted: IdeaRouteComment).
 */
const IdeaRouteQuery = graphql(`
  query IdeaRoute($id: ID!, $after: String) {
    idea(id: $id) {
      ...IdeaDetailFields
      bodyPost {
        ...PostModerationFields
      }
      comments(first: 50, after: $after) {
        ...IdeaComments
        edges {
          node {
            ...PostModerationFields
          }
        }
      }
    }
  }
`);

const IdeaRouteCommentMutation = graphql(`
  mutation IdeaRouteComment($input: ReplyInput!) {
    reply(input: $input) {
      ...IdeaCommentFields
      ...PostModerationFields
    }
  }
`);

type Idea = IdeaRouteData['idea'];

export function IdeaRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  useMarkSubjectRead('IDEA', id, !!viewer);
  return (
    <>
      <IdeaHead id={id} />
      {viewer && (
        <div className="subject-tools">
          <FollowButton subjectType="IDEA" subjectId={id} />
        </div>
      )}
      <IdeaDetail
        id={id}
        query={IdeaRouteQuery}
        commentMutation={IdeaRouteCommentMutation}
        postExtra={(postId, idea) => <PostModerationSlot postId={postId} idea={idea} />}
      />
      <IdeaDeskPanel ideaId={id} />
    </>
  );
}

/** The moderation side of the idea's body or of one comment; the comments are what the body may be marked answered by. */
function PostModerationSlot({ postId, idea }: { postId: string; idea: Idea }) {
  const comments = idea.comments.edges.map((edge) => edge.node);
  const post = [idea.bodyPost, ...comments].find((shown) => shown.id === postId);
  return post ? <PostModerationView post={post} replies={comments} /> : null;
}
