import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { SpacesQuery } from '../api/spaces';

/** The spaces in the header, for moving between them from any page. */
export function SpaceNav() {
  const { t } = useTranslation();
  const { data } = useQuery(SpacesQuery);
  return (
    <nav aria-label={t('nav.spaces')} className="space-nav">
      <ul>
        {(data?.spaces ?? []).map((space) => (
          <li key={space.id}>
            <NavLink to={`/s/${space.slug}`}>{space.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
