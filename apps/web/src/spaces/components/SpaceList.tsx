import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonList } from '../../components/Skeleton';
import { SpacesQuery } from '../api/spaces';

/** The community's spaces as cards: kind, name and what each is for. */
export function SpaceList() {
  const { t } = useTranslation('spaces');
  const { data, loading, error } = useQuery(SpacesQuery);
  if (loading && !data) return <SkeletonList list="space-list" item="space-card" count={3} lines={3} />;
  if (error) return <ErrorNotice error={error} />;
  const spaces = data?.spaces ?? [];
  if (spaces.length === 0) return <p>{t('empty')}</p>;
  return (
    <ul className="space-list">
      {spaces.map((space) => (
        <li key={space.id} className={`space-card space-${space.kind.toLowerCase()}`}>
          <span className="space-kind">{t(`kinds.${space.kind}`)}</span>
          <h3>
            <Link to={`/s/${space.slug}`}>{space.name}</Link>
          </h3>
          <p>{space.description}</p>
        </li>
      ))}
    </ul>
  );
}
