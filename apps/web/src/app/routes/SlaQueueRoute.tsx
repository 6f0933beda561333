import { SlaQueue } from '../../threads/components/SlaQueue';

export function SlaQueueRoute() {
  return <SlaQueue />;
}
