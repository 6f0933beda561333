import { useSearchParams } from 'react-router';
import { Unsubscribe } from '../../mail/components/Unsubscribe';

export function UnsubscribeRoute() {
  const [params] = useSearchParams();
  return <Unsubscribe token={params.get('token') ?? ''} />;
}
