import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RoleBadge } from '../../components/RoleBadge';
import { SignOutMutation } from '../api/identity';
import { useSessionChange } from '../hooks/useSessionChange';
import { useViewer } from '../../lib/viewer';

/** The signed-in person (name and role badge) with sign-out, or the sign-in and sign-up links. */
export function ViewerMenu() {
  const { t } = useTranslation('identity');
  const { viewer, loading } = useViewer();
  const [signOut] = useMutation(SignOutMutation);
  const sessionChanged = useSessionChange();
  const navigate = useNavigate();

  if (loading) return null;
  if (!viewer) {
    return (
      <div className="viewer-menu">
        <Link to="/sign-in">{t('signIn')}</Link>
        <Link to="/sign-up" className="button button-primary">
          {t('signUp')}
        </Link>
      </div>
    );
  }
  return (
    <div className="viewer-menu">
      <span className="viewer" aria-label={t('signedInAs', { name: viewer.displayName })}>
        <Link to={`/u/${viewer.id}`} className="viewer-name">
          {viewer.displayName}
        </Link>{' '}
        <RoleBadge role={viewer.role} />
      </span>
      <Link to="/account">{t('account.link')}</Link>
      <button
        type="button"
        className="button"
        onClick={() =>
          void signOut()
            .then(sessionChanged)
            .then(() => navigate('/'))
        }
      >
        {t('signOut')}
      </button>
    </div>
  );
}
