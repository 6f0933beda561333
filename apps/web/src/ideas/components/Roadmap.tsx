import { useQuery } from '@apollo/client/react';
import { ROADMAP_STATUSES, type IdeaStatus } from '@parvis/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonList } from '../../components/Skeleton';
import { IdeaBoardQuery } from '../api/ideas';
import { IdeaCard } from './IdeaCard';

/** Planned, in progress, launched: what the brand does with the community's ideas. */
export function Roadmap() {
  const { t } = useTranslation('ideas');
  return (
    <section aria-labelledby="roadmap-title">
      <header className="page-header">
        <h1 id="roadmap-title">{t('roadmap.title')}</h1>
        <p>{t('roadmap.intro')}</p>
      </header>
      <div className="roadmap">
        {ROADMAP_STATUSES.map((status) => (
          <RoadmapColumn key={status} status={status} />
        ))}
      </div>
    </section>
  );
}

function RoadmapColumn({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas');
  const { data, loading, error } = useQuery(IdeaBoardQuery, {
    variables: { sort: 'TOP', status, first: 20 },
  });
  const headingId = `roadmap-${status.toLowerCase()}`;
  return (
    <section className="roadmap-column" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`status.${status}`)} {data && <span className="count">({data.ideas.totalCount})</span>}
      </h2>
      {loading && !data && <SkeletonList list="idea-list" item="idea-card" lines={3} count={2} />}
      <ErrorNotice error={error} />
      {data?.ideas.edges.length === 0 && (
        <EmptyState title={t('roadmap.emptyState.title')}>
          <Link to="/ideas/new">{t('roadmap.emptyState.propose')}</Link>
        </EmptyState>
      )}
      <ol className="idea-list">
        {data?.ideas.edges.map(({ node }) => (
          <li key={node.id}>
            <IdeaCard idea={node} />
          </li>
        ))}
      </ol>
    </section>
  );
}
