import { useQuery, useSubscription } from '@apollo/client/react';
import { IDEA_SORTS, SETTABLE_IDEA_STATUSES, type IdeaSort, type IdeaStatus } from '@parvis/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState, SignInActions } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonList } from '../../components/Skeleton';
import { useViewer } from '../../lib/viewer';
import { IdeaBoardQuery, IdeaVotesSubscription } from '../api/ideas';
import { CampaignList } from './CampaignList';
import { CreateCampaignForm } from './CreateCampaignForm';
import { IdeaCard } from './IdeaCard';

export const BOARD_PAGE_SIZE = 20;

/**
 * An idea box space: its campaigns, then its ideas by most voted, trending or newest,
 * filtered by status, 20 at a time. Staff also see the form to start a campaign.
 */
export function IdeaBoard({ spaceId, canManage = false }: { spaceId: string; canManage?: boolean }) {
  const { t } = useTranslation('ideas');
  const navigate = useNavigate();
  const sortId = useId();
  const statusId = useId();
  const [sort, setSort] = useState<IdeaSort>('TOP');
  const [status, setStatus] = useState<IdeaStatus | ''>('');
  const variables = { spaceId, sort, status: status || null, first: BOARD_PAGE_SIZE };
  const { data, loading, error, fetchMore } = useQuery(IdeaBoardQuery, { variables });
  // Each changed count lands in the cache by the idea's id: the cards show it at once.
  useSubscription(IdeaVotesSubscription);
  const ideas = data?.ideas;

  const showMore = () =>
    fetchMore({
      variables: { ...variables, after: ideas?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ideas: { ...fetchMoreResult.ideas, edges: [...previous.ideas.edges, ...fetchMoreResult.ideas.edges] },
      }),
    });

  return (
    <section className="idea-board" aria-labelledby="idea-board-title">
      <div className="section-header">
        <h2 id="idea-board-title">{t('board.title')}</h2>
        <nav className="idea-links" aria-label={t('board.title')}>
          <Link to="/ideas/new" className="button button-primary">
            {t('board.propose')}
          </Link>
          <Link to="/roadmap">{t('board.roadmap')}</Link>
        </nav>
      </div>
      <CampaignList />
      {canManage && (
        <details className="new-campaign">
          <summary>{t('newCampaign.open')}</summary>
          <CreateCampaignForm spaceId={spaceId} onCreated={(id) => void navigate(`/campaigns/${id}`)} />
        </details>
      )}
      <div className="filters">
        <div className="field field-inline">
          <label htmlFor={sortId}>{t('board.sort')}</label>
          <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as IdeaSort)}>
            {IDEA_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor={statusId}>{t('board.status')}</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus | '')}>
            <option value="">{t('board.allStatuses')}</option>
            {[...SETTABLE_IDEA_STATUSES, 'MERGED' as const].map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {ideas && <p className="count">{t('board.count', { count: ideas.totalCount })}</p>}
      </div>
      {loading && !ideas && <SkeletonList list="idea-list" item="idea-card" lines={3} count={5} />}
      <ErrorNotice error={error} />
      {ideas && ideas.edges.length === 0 && (
        <IdeaBoardEmpty status={status} onShowAll={() => setStatus('')} />
      )}
      {ideas && (
        <ol className="idea-list">
          {ideas.edges.map(({ node }) => (
            <li key={node.id}>
              <IdeaCard idea={node} />
            </li>
          ))}
        </ol>
      )}
      {ideas?.pageInfo.hasNextPage && (
        <button type="button" className="button" onClick={() => void showMore()}>
          {t('board.more')}
        </button>
      )}
    </section>
  );
}

/** An empty board: under a status filter, all the ideas; else proposing the first (a visitor signs in first). */
function IdeaBoardEmpty({ status, onShowAll }: { status: IdeaStatus | ''; onShowAll: () => void }) {
  const { t } = useTranslation('ideas');
  const { viewer } = useViewer();
  if (status) {
    return (
      <EmptyState title={t('board.emptyState.filtered', { status: t(`status.${status}`) })}>
        <button type="button" className="button" onClick={onShowAll}>
          {t('board.emptyState.showAll')}
        </button>
      </EmptyState>
    );
  }
  return viewer ? (
    <EmptyState title={t('board.emptyState.title')} hint={t('board.emptyState.hintMember')}>
      <Link to="/ideas/new" className="button button-primary">
        {t('board.propose')}
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title={t('board.emptyState.title')} hint={t('board.emptyState.hintVisitor')}>
      <SignInActions then="/ideas/new" />
    </EmptyState>
  );
}
