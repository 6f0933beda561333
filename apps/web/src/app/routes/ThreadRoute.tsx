import { useParams } from 'react-router';
import { ThreadPage } from '../../threads/components/ThreadPage';

export function ThreadRoute() {
  const { id = '' } = useParams();
  return <ThreadPage id={id} />;
}
