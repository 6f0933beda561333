import { useParams } from 'react-router';
import { ContributorProfile } from '../../threads/components/ContributorProfile';
import { ProfileHead } from '../heads/SubjectHeads';

export function ProfileRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <ProfileHead id={id} />
      <ContributorProfile id={id} />
    </>
  );
}
