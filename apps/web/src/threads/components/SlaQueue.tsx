import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { SlaQueueQuery } from '../api/threads';

/** Staff's queue: open help threads, overdue first (highlighted), then by the nearest deadline. */
export function SlaQueue() {
  const { t, i18n } = useTranslation('threads');
  const { data, loading, error, fetchMore } = useQuery(SlaQueueQuery, {
    variables: { first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <section className="sla-queue" aria-labelledby="sla-queue-heading">
      <header className="page-header">
        <h1 id="sla-queue-heading">{t('sla.heading')}</h1>
        <p>{t('sla.intro')}</p>
      </header>
      {loading && !data ? (
        <Loading />
      ) : !data ? (
        <ErrorNotice error={error} />
      ) : data.slaQueue.edges.length === 0 ? (
        <p>{t('sla.empty')}</p>
      ) : (
        <>
          <table className="sla-table">
            <thead>
              <tr>
                <th scope="col">{t('sla.thread')}</th>
                <th scope="col">{t('sla.asked')}</th>
                <th scope="col">{t('sla.deadline')}</th>
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
