import { useParams } from 'react-router';
import { graphql } from '../../gql';
import { ThreadHead } from '../heads/ThreadHead';
import type { ThreadRouteQuery as ThreadRouteData } from '../../gql/graphql';
import { Acknowledgement } from '../../desk/components/Acknowledgement';
import { DeskPanel } from '../../desk/components/DeskPanel';
import { PostModerationView } from '../../moderation/components/PostModeration';
import { ThreadModerationControls } from '../../moderation/components/ThreadModerationControls';
import { useViewer } from '../../lib/viewer';
import { FollowButton } from '../../notifications/components/FollowButton';
import { useMarkSubjectRead } from '../../notifications/hooks/useMarkSubjectRead';
import { ThreadPage } from '../../threads/components/ThreadPage';

/**
 * The thread page's one query: the threads feature's fields, with the moderation fields of the
 * thread and of every post it shows, so each post carries its moderation controls, and so do
 * the replies loaded later (20 a page, then `after` as the reader scrolls) and a reply just
 * posted (ThreadRouteReply).
 */
const ThreadRouteQuery = graphql(`
  query ThreadRoute($id: ID!, $after: String) {
    thread(id: $id) {
      ...ThreadPageFields
      ...ThreadModerationFields
      ...ThreadDeskFields
      ...ThreadAcknowledgementFields
      question {
        ...PostModerationFields
      }
      acceptedAnswer {
        ...PostModerationFields
      }
      posts(first: 20, after: $after) {
        ...ThreadPagePosts
        edges {
          node {
            ...PostModerationFields
          }
        }
      }
    }
  }
`);

const ThreadRouteReplyMutation = graphql(`
  mutation ThreadRouteReply($input: ReplyInput!) {
    reply(input: $input) {
      ...PostViewFields
      ...PostModerationFields
    }
  }
`);

/** The page's live events, with the moderation fields of the post and answer they bring. */
const ThreadRouteLiveSubscription = graphql(`
  subscription ThreadRouteLive($threadId: ID!) {
    threadEvents(threadId: $threadId) {
      ...ThreadLiveEventFields
      thread {
        id
        ...ThreadAcknowledgementFields
        acceptedAnswer {
          ...PostModerationFields
        }
      }
      post {
        ...PostModerationFields
      }
    }
  }
`);

type Thread = ThreadRouteData['thread'];

export function ThreadRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  // Opening the thread reads its notices (the bell counts them no more).
  useMarkSubjectRead('THREAD', id, !!viewer);
  return (
    <>
      <ThreadHead id={id} />
      <ThreadPage
        id={id}
        query={ThreadRouteQuery}
        replyMutation={ThreadRouteReplyMutation}
        liveSubscription={ThreadRouteLiveSubscription}
        postExtra={(postId, thread) => <PostModerationSlot postId={postId} thread={thread} />}
        headerExtra={(thread) => <Acknowledgement thread={thread} />}
        threadExtra={(thread) => (
          <>
            <DeskPanel
              thread={thread}
              posts={[thread.question, ...thread.posts.edges.map((e) => e.node)].map((p) => ({
                id: p.id,
                authorName: p.author.displayName,
              }))}
            />
            {viewer && <FollowButton subjectType="THREAD" subjectId={thread.id} />}
            <ThreadModerationControls thread={thread} />
          </>
        )}
      />
    </>
  );
}

/** The moderation side of one post of the thread; its replies are the answers it may be marked answered by. */
function PostModerationSlot({ postId, thread }: { postId: string; thread: Thread }) {
  const replies = thread.posts.edges.map((edge) => edge.node);
  const post = [thread.question, thread.acceptedAnswer, ...replies].find((shown) => shown?.id === postId);
  return post ? <PostModerationView post={post} replies={replies} /> : null;
}
