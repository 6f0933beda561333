import { useQuery } from '@apollo/client/react';
import { THREAD_LIMITS } from '@parvis/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHead } from '../../components/PageHead';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../gql';
import { useViewer } from '../../lib/viewer';
import { AnnouncementForm } from '../../threads/components/AnnouncementForm';
import { NewThreadForm } from '../../threads/components/NewThreadForm';
import { useReturnLink } from '../../lib/return-to';

const AskSpaceQuery = graphql(`
  query AskSpace($slug: String!) {
    space(slug: $slug) {
      id
      name
      kind
    }
  }
`);

/** Asking a question in a help space, or publishing an announcement (`/s/:slug/new`). */
export function NewThreadRoute() {
  const { t } = useTranslation('threads');
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { viewer, isStaff } = useViewer();
  const signInLink = useReturnLink();
  const { data, loading, error } = useQuery(AskSpaceQuery, { variables: { slug } });
  if (loading) return <PageSkeleton />;
  if (!data) return <ErrorNotice error={error} />;
  const { space } = data;
  if (space.kind === 'ANNOUNCEMENTS') {
    return (
      <div className="narrow">
        <PageHead title={t('announcement.heading')} noIndex />
        <header className="page-header">
          <h1>{t('announcement.heading')}</h1>
        </header>
        {isStaff ? (
          <AnnouncementForm spaceId={space.id} onCreated={(id) => void navigate(`/t/${id}`)} />
        ) : (
          <p className="notice">{t('announcement.staffOnly')}</p>
        )}
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHead title={t('ask.heading', { space: space.name })} noIndex />
      <header className="page-header">
        <h1>{t('ask.heading', { space: space.name })}</h1>
      </header>
      {space.kind !== 'HELP' ? (
        <p className="notice">{t('ask.notHelp')}</p>
      ) : !viewer ? (
        <p className="notice">
          <Link to={signInLink}>{t('ask.signIn')}</Link>
        </p>
      ) : (
        <NewThreadForm
          spaceId={space.id}
          initialTitle={params.get('title')?.slice(0, THREAD_LIMITS.title.max) ?? ''}
          onCreated={(id) => void navigate(`/t/${id}`)}
        />
      )}
    </div>
  );
}
