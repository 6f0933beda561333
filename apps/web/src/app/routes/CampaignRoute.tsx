import { useParams } from 'react-router';
import { useViewer } from '../../lib/viewer';
import { CampaignDetail } from '../../ideas/components/CampaignDetail';
import { useMarkSubjectRead } from '../../notifications/hooks/useMarkSubjectRead';

export function CampaignRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  useMarkSubjectRead('CAMPAIGN', id, !!viewer);
  return <CampaignDetail id={id} signedIn={!!viewer} />;
}
