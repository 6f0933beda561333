import { useQuery } from '@apollo/client/react';
import { THREAD_STATUSES } from '@parvis/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, SignInActions } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { RoleBadge } from '../../components/RoleBadge';
import { graphql } from '../../gql';
import type { ThreadSort, ThreadStatus } from '../../gql/graphql';
import { useViewer } from '../../lib/viewer';
import { ThreadListQuery } from '../api/threads';
import { ThreadStatusChip } from './ThreadStatusChip';
import { RelativeTime } from '../../components/RelativeTime';

const PAGE = 20;

export const ThreadListFields = graphql(`
  fragment ThreadListFields on Thread {
    id
    title
    status
    language
    pinned
    locked
    repliesCount
    createdAt
    lastActivityAt
    author {
      ...AuthorFields
    }
    sla {
      breached
      nextDueAt
    }
  }
`);

/**
 * A help space's questions, with status chips, filters (status, without replies), sort and paging;
 * or the announcements (pinned first), which only staff and moderators publish. An announcement
 * asks nothing, so it has no answer status, no answer clock and no question filters.
 */
export function ThreadList({
  spaceId,
  spaceSlug,
  announcements = false,
}: {
  spaceId: string;
  spaceSlug: string;
  announcements?: boolean;
}) {
  const { t } = useTranslation('threads');
  const { isStaff } = useViewer();
  const statusId = useId();
  const sortId = useId();
  const [status, setStatus] = useState<ThreadStatus | ''>('');
  const [unanswered, setUnanswered] = useState(false);
  const [sort, setSort] = useState<ThreadSort>('LAST_ACTIVITY');
  // The question filters are not offered in the announcements: none left set in a help space
  // (the same list, another space) may narrow them unseen.
  const variables = {
    spaceId,
    status: (!announcements && status) || undefined,
    unanswered: (!announcements && unanswered) || undefined,
    sort,
    first: PAGE,
  };
  const { data, loading, error, fetchMore } = useQuery(ThreadListQuery, { variables });

  return (
    <section className="thread-list" aria-labelledby="threads-heading">
      <div className="section-header">
        <h2 id="threads-heading">{announcements ? t('announcement.listHeading') : t('list.heading')}</h2>
        <div className="thread-list-links">
          {(!announcements || isStaff) && (
            <Link to={`/s/${spaceSlug}/new`} className="button button-primary">
              {announcements ? t('announcement.new') : t('list.ask')}
            </Link>
          )}
          <Link to="/search" className="button">
            {t('list.search')}
          </Link>
          {isStaff && !announcements && (
            <Link to="/staff/sla" className="button">
              {t('list.slaQueue')}
            </Link>
          )}
        </div>
      </div>

      <form className="filters" aria-label={t('list.filters')} onSubmit={(event) => event.preventDefault()}>
        {!announcements && (
          <>
            <div className="field field-inline">
              <label htmlFor={statusId}>{t('list.statusLabel')}</label>
              <select
                id={statusId}
                value={status}
                onChange={(event) => setStatus(event.target.value as ThreadStatus | '')}
              >
                <option value="">{t('list.allStatuses')}</option>
                {THREAD_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-inline">
              <label>
                <input
                  type="checkbox"
                  checked={unanswered}
                  onChange={(event) => setUnanswered(event.target.checked)}
                />{' '}
                {t('list.unanswered')}
              </label>
            </div>
          </>
        )}
        <div className="field field-inline">
          <label htmlFor={sortId}>{t('list.sortLabel')}</label>
          <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value as ThreadSort)}>
            <option value="LAST_ACTIVITY">{t('list.LAST_ACTIVITY')}</option>
            <option value="NEWEST">{t('list.NEWEST')}</option>
          </select>
        </div>
      </form>

      {loading && !data ? (
        <Skeleton>
          <SkeletonText width={20} />
          <SkeletonItems list="threads" item="thread-row" count={8} />
        </Skeleton>
      ) : !data ? (
        <ErrorNotice error={error} />
      ) : (
        <>
          <p className="count" aria-live="polite">
            {t(announcements ? 'announcement.count' : 'list.count', { count: data.threads.totalCount })}
          </p>
          {data.threads.edges.length === 0 && (
            <ThreadListEmpty
              spaceSlug={spaceSlug}
              announcements={announcements}
              status={status}
              unanswered={unanswered}
              onShow={(next) => {
                setStatus(next);
                setUnanswered(false);
              }}
            />
          )}
          <ul className="threads">
            {data.threads.edges.map(({ node: thread }) => (
              <li
                key={thread.id}
                className={`thread-row${!announcements && thread.sla?.breached && thread.status === 'OPEN' ? ' overdue' : ''}`}
              >
                <div className="thread-row-main">
                  <Link to={`/t/${thread.id}`} lang={thread.language} className="thread-title">
                    {thread.title}
                  </Link>
                  <p className="thread-row-meta">
                    {!announcements && <ThreadStatusChip status={thread.status} />}
                    {thread.pinned && <span className="chip">{t('list.pinned')}</span>}
                    {thread.locked && <span className="chip">{t('list.locked')}</span>}
                    {isStaff && !announcements && thread.status === 'OPEN' && thread.sla?.breached && (
                      <span className="chip chip-overdue">{t('list.overdue')}</span>
                    )}{' '}
                    {t('list.by', { name: thread.author.displayName })}{' '}
                    <RoleBadge role={thread.author.role} /> · <RelativeTime iso={thread.lastActivityAt} />
                  </p>
                </div>
                <span className="thread-replies">{t('list.replies', { count: thread.repliesCount })}</span>
              </li>
            ))}
          </ul>
          {data.threads.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void fetchMore({
                  variables: { after: data.threads.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    threads: {
                      ...fetchMoreResult.threads,
                      edges: [...previous.threads.edges, ...fetchMoreResult.threads.edges],
                    },
                  }),
                })
              }
            >
              {announcements ? t('announcement.more') : t('list.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * What an empty list means and what to do next: under filters, the other questions (answered
 * ones when none is waiting); in an empty help space, asking the first question (a visitor signs
 * in first, then comes back to the form); in the announcements, publishing one (staff).
 */
function ThreadListEmpty({
  spaceSlug,
  announcements,
  status,
  unanswered,
  onShow,
}: {
  spaceSlug: string;
  announcements: boolean;
  status: ThreadStatus | '';
  unanswered: boolean;
  onShow: (status: ThreadStatus | '') => void;
}) {
  const { t } = useTranslation('threads');
  const { viewer, isStaff } = useViewer();
  const askPath = `/s/${spaceSlug}/new`;
  if (status || unanswered) {
    const title =
      status && unanswered
        ? t('list.emptyState.filtered')
        : status
          ? t(`list.emptyState.${status}`)
          : t('list.emptyState.unanswered');
    return (
      <EmptyState title={title} hint={t('list.emptyState.hintFiltered')}>
        {unanswered && status !== 'ANSWERED' && (
          <button type="button" className="button button-primary" onClick={() => onShow('ANSWERED')}>
            {t('list.emptyState.browseAnswered')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onShow('')}>
          {t('list.emptyState.showAll')}
        </button>
      </EmptyState>
    );
  }
  if (announcements) {
    return isStaff ? (
      <EmptyState title={t('announcement.emptyState.title')} hint={t('announcement.emptyState.hintStaff')}>
        <Link to={askPath} className="button button-primary">
          {t('announcement.new')}
        </Link>
      </EmptyState>
    ) : (
      <EmptyState title={t('announcement.emptyState.title')} hint={t('announcement.emptyState.hint')}>
        <Link to="/" className="button">
          {t('announcement.emptyState.home')}
        </Link>
      </EmptyState>
    );
  }
  return viewer ? (
    <EmptyState title={t('list.emptyState.title')} hint={t('list.emptyState.hintMember')}>
      <Link to={askPath} className="button button-primary">
        {t('list.ask')}
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title={t('list.emptyState.title')} hint={t('list.emptyState.hintVisitor')}>
      <SignInActions then={askPath} />
    </EmptyState>
  );
}
