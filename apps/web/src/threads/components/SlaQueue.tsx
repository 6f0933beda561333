import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonList } from '../../components/Skeleton';
import type { SlaQueueView } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useViewer } from '../../lib/viewer';
import { SlaQueueQuery } from '../api/threads';

const VIEWS: SlaQueueView[] = ['ALL', 'MINE', 'UNASSIGNED'];

/**
 * Staff's queue: open help threads, overdue first (highlighted), then by the nearest deadline; all
 * of them, those assigned to me, or those nobody has (offered first to the managers on duty).
 */
export function SlaQueue() {
  const { t, i18n } = useTranslation('threads');
  const { viewer } = useViewer();
  const [view, setView] = useState<SlaQueueView>('ALL');
  const { data, loading, error, fetchMore } = useQuery(SlaQueueQuery, {
    variables: { first: 50, view },
    fetchPolicy: 'cache-and-network',
  });
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <section className="sla-queue" aria-labelledby="sla-queue-heading">
      <header className="page-header">
        <h1 id="sla-queue-heading">{t('sla.heading')}</h1>
        <p>{t('sla.intro')}</p>
      </header>
      <div className="filters" role="group" aria-label={t('sla.views.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className="button"
            aria-pressed={view === name}
            onClick={() => setView(name)}
          >
            {t(`sla.views.${name}`)}
          </button>
        ))}
      </div>
      {loading && !data ? (
        <SkeletonList list="threads" item="thread-row" count={6} />
      ) : !data ? (
        <ErrorNotice error={error} />
      ) : data.slaQueue.edges.length === 0 ? (
        <EmptyState title={t(`sla.emptyState.${view}.title`)} hint={t(`sla.emptyState.${view}.hint`)}>
          {view === 'ALL' ? (
            <Link to="/staff/duty">{t('sla.emptyState.ALL.action')}</Link>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => setView(view === 'MINE' ? 'UNASSIGNED' : 'MINE')}
            >
              {t(`sla.emptyState.${view}.action`)}
            </button>
          )}
        </EmptyState>
      ) : (
        <>
          <table className="sla-table">
            <thead>
              <tr>
                <th scope="col">{t('sla.thread')}</th>
                <th scope="col">{t('sla.asked')}</th>
                <th scope="col">{t('sla.deadline')}</th>
                <th scope="col">{t('sla.assignee')}</th>
                <th scope="col">{t('sla.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.slaQueue.edges.map(({ node: thread }) => {
                const sla = thread.sla!;
                const waitingFor = sla.firstResponseAt ? t('sla.answer') : t('sla.firstResponse');
                return (
                  <tr key={thread.id} className={sla.breached ? 'overdue' : undefined}>
                    <td>
                      <Link to={`/t/${thread.id}`} lang={thread.language}>
                        {thread.title}
                      </Link>
                      <br />
                      <small>
                        {thread.author.displayName} · {thread.space.name}
                      </small>
                    </td>
                    <td>
                      <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt, language)}</time>
                    </td>
                    <td>
                      {waitingFor}:{' '}
                      {sla.nextDueAt && (
                        <time dateTime={sla.nextDueAt}>{formatDateTime(sla.nextDueAt, language)}</time>
                      )}
                    </td>
                    <td>
                      {thread.assignee?.displayName ?? t('sla.nobody')}
                      {thread.offeredTo && thread.offeredTo.length > 0 && (
                        <>
                          <br />
                          <small className="offered-to">
                            {thread.offeredTo.some((u) => u.id === viewer?.id)
                              ? t('sla.offeredToYou')
                              : t('sla.offeredTo', {
                                  names: thread.offeredTo.map((u) => u.displayName).join(', '),
                                })}
                          </small>
                        </>
                      )}
                    </td>
                    <td>
                      <span className={`chip ${sla.breached ? 'chip-overdue' : 'chip-ontime'}`}>
                        {sla.breached ? t('sla.overdue') : t('sla.due')}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.slaQueue.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void fetchMore({
                  variables: { after: data.slaQueue.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    slaQueue: {
                      ...fetchMoreResult.slaQueue,
                      edges: [...previous.slaQueue.edges, ...fetchMoreResult.slaQueue.edges],
                    },
                  }),
                })
              }
            >
              {t('sla.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
