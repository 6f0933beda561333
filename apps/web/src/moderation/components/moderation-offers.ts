import type { PostModerationFieldsFragment } from '../../gql/graphql';

type ModeratedPost = PostModerationFieldsFragment;

/** The replies that may answer `post`: visible ones other than itself and its current answer. */
export function answerCandidates(post: ModeratedPost, replies: ModeratedPost[]): ModeratedPost[] {
  return replies.filter((reply) => reply.id !== post.id && !reply.hidden && reply.id !== post.answered?.id);
}

/**
 * Whether the moderation menu has anything for this viewer on `post`. Apart from the menu itself
 * so that deciding costs nobody the menu's chunk.
 */
export function offersModeration(post: ModeratedPost, replies: ModeratedPost[]): boolean {
  return post.viewerCanModerate || (post.viewerCanMarkAnswered && answerCandidates(post, replies).length > 0);
}
