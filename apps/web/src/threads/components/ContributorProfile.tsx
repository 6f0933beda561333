import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDateTime } from '../../lib/format';
import { ContributorQuery } from '../api/threads';

/** A person's public profile: their role, reputation, thanks received and accepted answers. */
export function ContributorProfile({ id }: { id: string }) {
  const { t, i18n } = useTranslation('threads');
  const { data, loading, error } = useQuery(ContributorQuery, { variables: { id } });
  if (loading) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { user } = data;
  return (
    <div className="narrow profile">
      <header className="page-header">
        <h1>
          {user.displayName} <RoleBadge role={user.role} />
        </h1>
        <p>{t('profile.since', { date: formatDateTime(user.createdAt, i18n.resolvedLanguage ?? 'en') })}</p>
      </header>
      <dl className="profile-stats">
        <div>
          <dt>{t('profile.reputation')}</dt>
          <dd>{user.reputation}</dd>
        </div>
        <div>
          <dt>{t('profile.thanksReceived')}</dt>
          <dd>{user.thanksReceived}</dd>
        </div>
        <div>
          <dt>{t('profile.acceptedAnswers')}</dt>
          <dd>{user.acceptedAnswers}</dd>
        </div>
      </dl>
      <p className="field-hint">{t('profile.points')}</p>
    </div>
  );
}
