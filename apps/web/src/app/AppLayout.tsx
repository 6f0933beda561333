import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { ViewerMenu } from '../identity/components/ViewerMenu';
import { useViewer } from '../lib/viewer';
import { NotificationBell } from '../notifications/components/NotificationBell';
import { SpaceNav } from '../spaces/components/SpaceNav';
import { CrisisBanner } from '../moderation/components/CrisisBanner';
import { ModerationNavLink } from '../moderation/components/ModerationNavLink';
import { ModerationFooter } from '../moderation/components/ModerationFooter';

export function AppLayout() {
  const { t } = useTranslation();
  const { viewer, isStaff } = useViewer();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            {t('appName')}
          </Link>
          <SpaceNav />
          <div className="header-tools">
            <Link to="/search" className="header-search">
              {t('heading', { ns: 'search' })}
            </Link>
            <LanguageSwitcher />
            {viewer && <NotificationBell />}
            <ModerationNavLink />
            <ViewerMenu />
          </div>
        </div>
      </header>
      <CrisisBanner />
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ModerationFooter />
      {isStaff && (
        <p className="staff-footer">
          <Link to="/staff/reports">{t('title', { ns: 'reports' })}</Link>
          {' · '}
          <Link to="/staff/mail">{t('catcher.title', { ns: 'mail' })}</Link>
        </p>
      )}
    </>
  );
}
