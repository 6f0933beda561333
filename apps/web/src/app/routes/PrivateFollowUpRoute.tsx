import { useParams } from 'react-router';
import { PrivateFollowUpView } from '../../threads/components/PrivateFollowUpView';

export function PrivateFollowUpRoute() {
  const { id = '' } = useParams();
  return <PrivateFollowUpView id={id} />;
}
