import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Every page links to the charter and to the public moderation log. */
export function ModerationFooter() {
  const { t } = useTranslation('moderation');
  return (
    <footer className="site-footer">
      <nav aria-label={t('nav.charter')}>
        <Link to="/charter">{t('nav.charter')}</Link> · <Link to="/moderation/log">{t('nav.log')}</Link>
      </nav>
    </footer>
  );
}
