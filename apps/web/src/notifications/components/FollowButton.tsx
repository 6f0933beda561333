import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { FollowSubjectType } from '../../gql/graphql';
import { FollowMutation, IdeaFollowQuery, ThreadFollowQuery, UnfollowMutation } from '../api/notifications';

/**
 * One button to follow or stop following a thread (its replies) or an idea (its status): pressed
 * state for screen readers, the cache updated from the answer.
 */
export function FollowButton({
  subjectType,
  subjectId,
}: {
  subjectType: FollowSubjectType;
  subjectId: string;
}) {
  const { t } = useTranslation('notifications');
  const thread = useQuery(ThreadFollowQuery, {
    variables: { id: subjectId },
    skip: subjectType !== 'THREAD',
  });
  const idea = useQuery(IdeaFollowQuery, { variables: { id: subjectId }, skip: subjectType !== 'IDEA' });
  const following =
    (subjectType === 'THREAD' ? thread.data?.thread.viewerFollows : idea.data?.idea.viewerFollows) ?? false;
  const setFollowing = (cache: ApolloCache, value: boolean) =>
    cache.modify({
      id: cache.identify({ __typename: subjectType === 'THREAD' ? 'Thread' : 'Idea', id: subjectId }),
      fields: { viewerFollows: () => value },
    });
  const [follow, followState] = useMutation(FollowMutation, { update: (cache) => setFollowing(cache, true) });
  const [unfollow, unfollowState] = useMutation(UnfollowMutation, {
    update: (cache) => setFollowing(cache, false),
  });
  const input = { subjectType, subjectId };
  return (
    <button
      type="button"
      className="button follow-button"
      aria-pressed={following}
      disabled={followState.loading || unfollowState.loading}
      onClick={() => void (following ? unfollow({ variables: { input } }) : follow({ variables: { input } }))}
      title={t(subjectType === 'THREAD' ? 'follow.threadHint' : 'follow.ideaHint')}
    >
      {following ? t('follow.following') : t('follow.follow')}
    </button>
  );
}
