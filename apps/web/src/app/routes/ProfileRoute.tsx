import { useParams } from 'react-router';
import { ContributorProfile } from '../../threads/components/ContributorProfile';

export function ProfileRoute() {
  const { id = '' } = useParams();
  return <ContributorProfile id={id} />;
}
