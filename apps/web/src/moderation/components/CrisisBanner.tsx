import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { CrisisBannerQuery } from '../api/moderation';

export const CrisisBannerFields = graphql(`
  fragment CrisisBannerFields on CrisisBanner {
    id
    title
    bodyHtml
    publishedAt
    thread {
      id
      title
    }
  }
`);

/** The official statement at the top of every page during a crisis, linking to its pinned thread. */
export function CrisisBanner() {
  const { t } = useTranslation('moderation');
  const { data } = useQuery(CrisisBannerQuery);
  const banner = data?.crisisBanner;
  if (!banner) return null;
  return (
    <aside className="crisis-banner" aria-label={t('banner.label')}>
      <div className="crisis-banner-inner">
        <p className="crisis-banner-title">
          <span className="chip chip-official">{t('banner.label')}</span> <strong>{banner.title}</strong>
        </p>
        {/* Sanitized by the API's Markdown renderer. */}
        <div className="crisis-banner-body" dangerouslySetInnerHTML={{ __html: banner.bodyHtml }} />
        {banner.thread && (
          <p>
            <Link to={`/t/${banner.thread.id}`}>{t('banner.discuss')}</Link>
          </p>
        )}
      </div>
    </aside>
  );
}
