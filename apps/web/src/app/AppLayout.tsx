import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PhotoLightbox } from '../components/PhotoLightbox';
import { ViewerMenu } from '../identity/components/ViewerMenu';
import { usePage } from '../lib/page';
import { useViewer } from '../lib/viewer';
import { NotificationBell } from '../notifications/components/NotificationBell';
import { SpacesQuery } from '../spaces/api/spaces';
import { SpaceNav } from '../spaces/components/SpaceNav';
import { CrisisBanner } from '../moderation/components/CrisisBanner';
import { ModerationNavLink } from '../moderation/components/ModerationNavLink';
import { ModerationFooter } from '../moderation/components/ModerationFooter';
import { NotFoundRoute } from './routes/NotFoundRoute';

export function AppLayout() {
  const { t } = useTranslation();
  const { viewer, isStaff, isModerator } = useViewer();
  const spaces = useQuery(SpacesQuery);
  const { notFoundPath } = usePage();
  const location = useLocation();
  // The server found nothing at this address: the not-found page, until the reader navigates.
  const notFound = location.key === 'default' && location.pathname === notFoundPath;
  // What a phone's header has no room for, found in its one menu instead.
  const folded = [
    ...(spaces.data?.spaces ?? []).map((space) => ({ to: `/s/${space.slug}`, label: space.name })),
    ...(isModerator ? [{ to: '/moderation', label: t('nav.queue', { ns: 'moderation' }) }] : []),
  ];
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
              <SearchIcon />
              <span className="header-label">{t('heading', { ns: 'search' })}</span>
            </Link>
            <LanguageSwitcher />
            {viewer && <NotificationBell />}
            <span className="header-wide-only">
              <ModerationNavLink />
            </span>
            <ViewerMenu folded={folded} />
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
        <nav className="staff-footer" aria-label={t('nav.staff')}>
          <Link to="/staff/reports">{t('title', { ns: 'reports' })}</Link> ·{' '}
          <Link to="/staff/mail">{t('catcher.title', { ns: 'mail' })}</Link> ·{' '}
          <Link to="/staff/duty">{t('duty.heading', { ns: 'desk' })}</Link>
          {viewer?.role === 'ADMIN' && (
            <>
              {' · '}
              <Link to="/staff/spaces">{t('texts.link', { ns: 'spaces' })}</Link>
            </>
          )}
        </nav>
      )}
    </>
  );
}

/** A drawing, not an emoji: the same on every device. */
function SearchIcon() {
  return (
    <svg
      aria-hidden="true"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </svg>
  );
}
