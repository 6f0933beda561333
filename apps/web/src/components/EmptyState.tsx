import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReturnLink, withReturnTo } from '../lib/return-to';

/**
 * A list with nothing in it says what that means and what to do next: `title` in a sentence,
 * an optional `hint`, and the actions (`children`: a link or a button fitting the reader's role).
 */
export function EmptyState({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children?: ReactNode;
}) {
  return (
    <div className="empty-panel">
      <p className="empty-panel-title">{title}</p>
      {hint && <p className="empty-panel-hint">{hint}</p>}
      {children && <p className="empty-panel-actions">{children}</p>}
    </div>
  );
}

/**
 * A visitor's way in: sign in, or create an account, then come back to this page (or to `then`,
 * a path of this site, where the action they were invited to waits).
 */
export function SignInActions({ then }: { then?: string }) {
  const { t } = useTranslation();
  const here = useReturnLink('/sign-in');
  const hereUp = useReturnLink('/sign-up');
  return (
    <>
      <Link to={then ? withReturnTo('/sign-in', then) : here} className="button button-primary">
        {t('empty.signIn')}
      </Link>
      <Link to={then ? withReturnTo('/sign-up', then) : hereUp} className="button">
        {t('empty.signUp')}
      </Link>
    </>
  );
}
