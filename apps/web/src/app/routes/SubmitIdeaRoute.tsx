import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageSkeleton } from '../../components/Skeleton';
import { useViewer } from '../../lib/viewer';
import { CampaignPageQuery } from '../../ideas/api/ideas';
import { SubmitIdeaForm } from '../../ideas/components/SubmitIdeaForm';
import { useReturnLink } from '../../lib/return-to';
import { PageHead } from '../../components/PageHead';

export function SubmitIdeaRoute() {
  const { t } = useTranslation('ideas');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const campaignId = params.get('campaign');
  const { viewer, loading } = useViewer();
  const signInLink = useReturnLink();
  const { data: campaign } = useQuery(CampaignPageQuery, {
    variables: { id: campaignId ?? '' },
    skip: !campaignId,
  });
  if (loading) return <PageSkeleton />;
  return (
    <section className="narrow">
      <PageHead title={t('submit.title')} noIndex />
      <h1>{t('submit.title')}</h1>
      {viewer ? (
        <SubmitIdeaForm campaign={campaign?.campaign} onDone={(id) => void navigate(`/ideas/${id}`)} />
      ) : (
        <p>
          <Link to={signInLink}>{t('submit.signIn')}</Link>
        </p>
      )}
    </section>
  );
}
