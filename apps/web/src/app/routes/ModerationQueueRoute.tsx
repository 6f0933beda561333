import { useTranslation } from 'react-i18next';
import { ModerationQueue, ModerationQueueSkeleton } from '../../moderation/components/ModerationQueue';
import { useViewer } from '../../lib/viewer';

export function ModerationQueueRoute() {
  const { t } = useTranslation('moderation');
  const { isModerator, loading } = useViewer();
  if (loading) return <ModerationQueueSkeleton />;
  if (!isModerator) return <p className="notice">{t('queue.forbidden')}</p>;
  return <ModerationQueue />;
}
