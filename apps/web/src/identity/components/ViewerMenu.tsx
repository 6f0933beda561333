import { useMutation } from '@apollo/client/react';
import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Avatar } from '../../components/Avatar';
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
 * a menu with sign-up and those links. Headless UI's menu: arrow keys, Escape, focus back.
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
  const foldedItems = narrow
    ? folded.map((link) => (
        <MenuItem key={link.to} as={Link} to={link.to} className="menu-item">
          {link.label}
        </MenuItem>
      ))
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
        <Menu as="div" className="menu menu-narrow-only">
          <MenuButton className="menu-button" aria-label={t('menu.visitor')}>
            <MenuIcon />
          </MenuButton>
          <MenuItems className="menu-items" modal={false}>
            <MenuItem as={Link} to={withReturnTo('/sign-in', here)} className="menu-item">
              {t('signIn')}
            </MenuItem>
            {foldedItems}
            <MenuItem as={Link} to={withReturnTo('/sign-up', here)} className="menu-item">
              {t('signUp')}
            </MenuItem>
          </MenuItems>
        </Menu>
      </div>
    );
  }
  return (
    <div className="viewer-menu">
      <Menu as="div" className="menu">
        <MenuButton className="menu-button viewer-menu-button" aria-labelledby={labelId}>
          <Avatar id={viewer.id} name={viewer.displayName} size="small" />
          {/* The name is the visible part of the button's name ("Signed in as …: your menu"). */}
          <span id={labelId}>
            <span className="visually-hidden">{before}</span>
            <span className="viewer-name">
              {viewer.displayName} <RoleBadge role={viewer.role} />
            </span>
            <span className="visually-hidden">{after}</span>
          </span>
        </MenuButton>
        <MenuItems className="menu-items" modal={false}>
          <MenuItem as={Link} to={`/u/${viewer.id}`} className="menu-item">
            {t('menu.profile')}
          </MenuItem>
          <MenuItem as={Link} to="/account" className="menu-item">
            {t('account.link')}
          </MenuItem>
          {foldedItems.length > 0 && <MenuSeparator className="menu-separator" />}
          {foldedItems}
          <MenuSeparator className="menu-separator" />
          <MenuItem
            as="button"
            type="button"
            className="menu-item"
            onClick={() =>
              void signOut()
                .then(sessionChanged)
                .then(() => navigate('/'))
            }
          >
            {t('signOut')}
          </MenuItem>
        </MenuItems>
      </Menu>
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
