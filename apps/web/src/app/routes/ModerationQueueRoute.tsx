import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ModerationQueue } from '../../moderation/components/ModerationQueue';
import { useViewer } from '../../lib/viewer';

export function ModerationQueueRoute() {
  const { t } = useTranslation('moderation');
  const { isModerator, loading } = useViewer();
  if (loading) return <Loading />;
  if (!isModerator) return <p className="notice">{t('queue.forbidden')}</p>;
  return <ModerationQueue />;
}
