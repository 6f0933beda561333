import { useParams } from 'react-router';
import { useViewer } from '../../lib/viewer';
import { CampaignDetail } from '../../ideas/components/CampaignDetail';

export function CampaignRoute() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  return <CampaignDetail id={id} signedIn={!!viewer} />;
}
