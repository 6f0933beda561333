import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Menu, type MenuEntry } from '../../components/Menu';
import { RoleBadge } from '../../components/RoleBadge';
import { NARROW_SCREEN, useMediaQuery } from '../../lib/media';
import { withReturnTo } from '../../lib/return-to';
import { useViewer } from '../../lib/viewer';
import { SignOutMutation } from '../api/identity';
import { useSessionChange } from '../hooks/useSessionChange';

/** A link of the header that a phone finds in the menu instead (spaces, the moderation queue). */
export interface FoldedLink {
  to: string;
  label: string;
}

/**
 * The header's one menu: for a member, their avatar opening their profile, account and sign-out
 * (and, on a phone, the links the header has no room for); for a visitor, sign in, and on a phone
 * a menu with sign-up and those links (components/Menu: arrow keys, Escape, focus back).
 */
export function ViewerMenu({ folded = [] }: { folded?: FoldedLink[] }) {
  const { t } = useTranslation('identity');
  const { viewer, loading } = useViewer();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  // Read when the menu opens (its items render only then): the server never needs it.
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [signOut] = useMutation(SignOutMutation);
  const sessionChanged = useSessionChange();
  const navigate = useNavigate();
  const labelId = useId();

  if (loading) return null;
  // "Signed in as {{name}}: your menu", around the name the button shows.
  const [before, after] = t('menu.label', { name: '\u0000' }).split('\u0000');
  const foldedEntries: MenuEntry[] = narrow
    ? folded.map((link) => ({ kind: 'link', to: link.to, label: link.label }))
    : [];

  if (!viewer) {
    return (
      <div className="viewer-menu">
        <Link to={withReturnTo('/sign-in', here)} className="sign-in-link">
          {t('signIn')}
        </Link>
        <Link to={withReturnTo('/sign-up', here)} className="button button-primary sign-up-link">
          {t('signUp')}
        </Link>
        <Menu
          className="menu menu-narrow-only"
          buttonClassName="menu-button"
          buttonLabel={{ 'aria-label': t('menu.visitor') }}
          button={<MenuIcon />}
          entries={[
            { kind: 'link', to: withReturnTo('/sign-in', here), label: t('signIn') },
            ...foldedEntries,
            { kind: 'link', to: withReturnTo('/sign-up', here), label: t('signUp') },
          ]}
        />
      </div>
    );
  }
  return (
    <div className="viewer-menu">
      <Menu
        className="menu"
        buttonClassName="menu-button viewer-menu-button"
        buttonLabel={{ 'aria-labelledby': labelId }}
        button={
          <>
            <Avatar id={viewer.id} name={viewer.displayName} size="small" />
            {/* The name is the visible part of the button's name ("Signed in as …: your menu"). */}
            <span id={labelId}>
              <span className="visually-hidden">{before}</span>
              <span className="viewer-name">
                {viewer.displayName} <RoleBadge role={viewer.role} />
              </span>
              <span className="visually-hidden">{after}</span>
            </span>
          </>
        }
        entries={[
          { kind: 'link', to: `/u/${viewer.id}`, label: t('menu.profile') },
          { kind: 'link', to: '/account', label: t('account.link') },
          ...(foldedEntries.length > 0
            ? [{ kind: 'separator', key: 'folded' } as const, ...foldedEntries]
            : []),
          { kind: 'separator', key: 'session' },
          {
            kind: 'action',
            label: t('signOut'),
            onSelect: () =>
              void signOut().then(() => {
                const refetched = sessionChanged();
                void navigate('/');
                return refetched;
              }),
          },
        ]}
      />
    </div>
  );
}

function MenuIcon() {
  return (
    <svg
      aria-hidden="true"
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M4 6h16M4 12h16M4 18h16" />
    </svg>
  );
}
