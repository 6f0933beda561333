import { ModerationLog } from '../../moderation/components/ModerationLog';

export function ModerationLogRoute() {
  return <ModerationLog />;
}
