import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { useViewer } from '../../lib/viewer';
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

/** Asking a question in a help space (`/s/:slug/new`). */
export function NewThreadRoute() {
  const { t } = useTranslation('threads');
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const signInLink = useReturnLink();
  const { data, loading, error } = useQuery(AskSpaceQuery, { variables: { slug } });
  if (loading) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { space } = data;
  return (
    <div className="narrow">
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
        <NewThreadForm spaceId={space.id} onCreated={(id) => void navigate(`/t/${id}`)} />
      )}
    </div>
  );
}
