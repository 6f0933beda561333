import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, SignInActions } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import type { NotificationGroupsQuery as GroupsData, NotificationKind } from '../../gql/graphql';
import { apiProblems } from '../../lib/graphql-errors';
import {
  MarkNotificationsReadMutation,
  NotificationGroupsQuery,
  NotificationsQuery,
} from '../api/notifications';
import { RelativeTime } from '../../components/RelativeTime';

type Group = GroupsData['notificationGroups'][number];

/** The filters of the centre: each a set of kinds (all of them when empty). */
const FILTERS: Record<string, NotificationKind[]> = {
  all: [],
  replies: ['REPLY', 'MENTIONED', 'PRIVATE_FOLLOW_UP'],
  answers: ['ANSWER_ACCEPTED', 'THREAD_ANSWERED', 'THREAD_RESOLVED', 'THANKED'],
  moderation: ['POST_HIDDEN', 'POST_RESTORED'],
  ideas: ['IDEA_STATUS_CHANGED', 'IDEA_MERGED', 'CAMPAIGN_CLOSED'],
  deadlines: ['SLA_AT_RISK'],
  desk: ['THREAD_ASSIGNED', 'NOTE_MENTIONED'],
};

/** Where a notice leads: the exact post, the follow-up, the idea or the campaign. */
export function noticeLink(group: Group): string {
  if (group.followUpId) return `/follow-ups/${group.followUpId}`;
  if (group.subjectType === 'IDEA') return `/ideas/${group.subjectId}`;
  if (group.subjectType === 'CAMPAIGN') return `/campaigns/${group.subjectId}`;
  return group.postId
    ? `/t/${group.subjectId}?post=${group.postId}#post-${group.postId}`
    : `/t/${group.subjectId}`;
}

/**
 * The notification centre: notices grouped per thread (or idea) and kind, "Sarah and 3 others
 * thanked your post", unread groups first, filters by kind, "mark all as read". The sentence is
 * written here, in the reader's language, from the kind and the titles the API resolves for them.
 */
export function NotificationList() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState('all');
  const kinds = FILTERS[filter];
  const { data, loading, error, refetch } = useQuery(NotificationGroupsQuery, {
    variables: { kinds: kinds.length ? kinds : null },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, { loading: marking }] = useMutation(MarkNotificationsReadMutation, {
    refetchQueries: [NotificationsQuery],
  });
  if (loading && !data)
    return (
      <Skeleton>
        <SkeletonText title width={40} />
        <SkeletonItems list="notifications" item="notification" lines={1} count={6} />
      </Skeleton>
    );
  if (apiProblems(error)[0]?.code === 'UNAUTHENTICATED')
    return (
      <EmptyState title={t('signIn')}>
        <SignInActions />
      </EmptyState>
    );
  if (!data) return <ErrorNotice error={error} />;
  const groups = data.notificationGroups;
  const unread = groups.some((g) => g.unreadCount > 0);

  return (
    <section aria-labelledby="notifications-title">
      <div className="section-header">
        <h1 id="notifications-title">{t('title')}</h1>
        {unread && (
          <button
            type="button"
            className="button"
            disabled={marking}
            onClick={() => void markRead().then(() => refetch())}
          >
            {t('markAllRead')}
          </button>
        )}
        <Link to="/notifications/preferences">{t('preferences.link')}</Link>
      </div>
      <div className="filters" role="group" aria-label={t('filters.label')}>
        {Object.keys(FILTERS).map((name) => (
          <button
            key={name}
            type="button"
            className="button"
            aria-pressed={filter === name}
            onClick={() => setFilter(name)}
          >
            {t(`filters.${name}`)}
          </button>
        ))}
      </div>
      {groups.length === 0 &&
        (filter === 'all' ? (
          <EmptyState title={t('emptyState.title')} hint={t('emptyState.hint')}>
            <Link to="/" className="button">
              {t('emptyState.browse')}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title={t('emptyState.filtered')}>
            <button type="button" className="button" onClick={() => setFilter('all')}>
              {t('emptyState.showAll')}
            </button>
          </EmptyState>
        ))}
      <ol className="notifications">
        {groups.map((group, index) => {
          const sameSubject = index > 0 && groups[index - 1].subjectId === group.subjectId;
          return (
            <li
              key={group.id}
              className={`${group.unreadCount > 0 ? 'notification unread' : 'notification'}${sameSubject ? ' same-subject' : ''}`}
            >
              {group.unreadCount > 0 && <span className="badge">{t('unread')}</span>}{' '}
              <Link to={noticeLink(group)}>{Sentence(group, t)}</Link>
              {group.count > 1 && (
                <span className="notification-count"> ({t('count', { count: group.count })})</span>
              )}{' '}
              <RelativeTime iso={group.latestAt} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The sentence of a group in the reader's language ("Sarah and 2 others replied in “…”"). */
function Sentence(group: Group, t: (key: string, values?: Record<string, unknown>) => string): string {
  const [first] = group.actors;
  const others = Math.max(group.actorCount - 1, 0);
  const actor = first
    ? others > 0
      ? t('actors', { name: first.displayName, count: others })
      : first.displayName
    : t('someone');
  const title = group.thread?.title ?? group.idea?.title ?? group.campaign?.title ?? '';
  return t(`kinds.${group.kind}`, {
    actor,
    title,
    count: others + 1,
    from: group.fromStatus ? t(`status.${group.fromStatus}`) : '',
    to: group.toStatus ? t(`status.${group.toStatus}`) : '',
    rule: group.rule ? t(`rules.${group.rule}`) : '',
    winner: group.winnerIdea?.title ?? '',
    context: kindContext(group),
  });
}

/** i18next context: which variant of a kind's sentence (a follow-up started, a campaign with a winner…). */
function kindContext(group: Group): string | undefined {
  if (group.kind === 'PRIVATE_FOLLOW_UP' && group.started) return 'started';
  if (group.kind === 'CAMPAIGN_CLOSED' && group.winnerIdea) return 'winner';
  if (group.kind === 'SLA_AT_RISK') return group.clock === 'FIRST_RESPONSE' ? 'first' : 'answer';
  if (group.kind === 'THANKED' && group.actorCount > 1) return 'plural';
  return undefined;
}
