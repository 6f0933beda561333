import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { apiProblems } from '../../lib/graphql-errors';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../api/notifications';

/** The signed-in person's notifications, newest first, unread ones marked, with "mark all as read". */
export function NotificationList() {
  const { t, i18n } = useTranslation('notifications');
  const { data, loading, error, refetch } = useQuery(NotificationsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, { loading: marking }] = useMutation(MarkNotificationsReadMutation);
  if (loading && !data) return <Loading />;
  if (apiProblems(error)[0]?.code === 'UNAUTHENTICATED') return <p>{t('signIn')}</p>;
  if (!data) return <ErrorNotice error={error} />;
  const { notifications } = data;

  return (
    <section aria-labelledby="notifications-title">
      <div className="section-header">
        <h1 id="notifications-title">{t('title')}</h1>
        {notifications.unreadCount > 0 && (
          <button
            type="button"
            className="button"
            disabled={marking}
            onClick={() => void markRead().then(() => refetch())}
          >
            {t('markAllRead')}
          </button>
        )}
      </div>
      {notifications.edges.length === 0 && <p>{t('empty')}</p>}
      <ol className="notifications">
        {notifications.edges.map(({ node }) => {
          const values = {
            actor: node.actor?.displayName ?? '',
            idea: node.idea?.title ?? '',
            from: node.fromStatus ? t(`status.${node.fromStatus}`) : '',
            to: node.toStatus ? t(`status.${node.toStatus}`) : '',
          };
          return (
            <li key={node.id} className={node.readAt ? 'notification' : 'notification unread'}>
              {!node.readAt && <span className="badge">{t('unread')}</span>}{' '}
              {node.idea ? (
                <Link to={`/ideas/${node.idea.id}`}>
                  {t(node.kind === 'IDEA_MERGED' ? 'merged' : 'statusChanged', values)}
                </Link>
              ) : (
                t('statusChanged', values)
              )}{' '}
              <time dateTime={node.createdAt}>
                {formatDateTime(node.createdAt, i18n.resolvedLanguage ?? 'en')}
              </time>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
