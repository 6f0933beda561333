import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PhotoLightbox } from '../components/PhotoLightbox';
import { ViewerMenu } from '../identity/components/ViewerMenu';
import { usePage } from '../lib/page';
import { useViewer } from '../lib/viewer';
import { NotificationBell } from '../notifications/components/NotificationBell';
import { SpaceNav } from '../spaces/components/SpaceNav';
import { CrisisBanner } from '../moderation/components/CrisisBanner';
import { ModerationNavLink } from '../moderation/components/ModerationNavLink';
import { ModerationFooter } from '../moderation/components/ModerationFooter';
import { NotFoundRoute } from './routes/NotFoundRoute';

export function AppLayout() {
  const { t } = useTranslation();
  const { viewer, isStaff } = useViewer();
  const { notFoundPath } = usePage();
  const location = useLocation();
  // The server found nothing at this address: the not-found page, until the reader navigates.
  const notFound = location.key === 'default' && location.pathname === notFoundPath;
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
        {notFound ? <NotFoundRoute /> : <Outlet />}
      </main>
      <ModerationFooter />
      <PhotoLightbox />
      {isStaff && (
        <p className="staff-footer">
          <Link to="/staff/reports">{t('title', { ns: 'reports' })}</Link> ·{' '}
          <Link to="/staff/mail">{t('catcher.title', { ns: 'mail' })}</Link> ·{' '}
          <Link to="/staff/duty">{t('duty.heading', { ns: 'desk' })}</Link>
        </p>
      )}
    </>
  );
}
