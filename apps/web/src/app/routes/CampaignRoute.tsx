import { useParams } from 'react-router';
import { useViewer } from '../../lib/viewer';
import { CampaignDetail } from '../../ideas/components/CampaignDetail';
import { CampaignHead } from '../heads/SubjectHeads';
import { useMarkSubjectRead } from '../../notifications/hooks/useMarkSubjectRead';

export function CampaignRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  useMarkSubjectRead('CAMPAIGN', id, !!viewer);
  return (
    <>
      <CampaignHead id={id} />
      <CampaignDetail id={id} signedIn={!!viewer} />
    </>
  );
}
