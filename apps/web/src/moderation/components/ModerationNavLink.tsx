import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../lib/viewer';

/** The header link to the moderation queue, for moderators only. */
export function ModerationNavLink() {
  const { t } = useTranslation('moderation');
  const { isModerator } = useViewer();
  if (!isModerator) return null;
  return (
    <Link to="/moderation" className="header-search">
      {t('nav.queue')}
    </Link>
  );
}
