import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleBadge } from '../../components/RoleBadge';
import { graphql } from '../../gql';
import type { StatusChangeFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

export const StatusChangeFields = graphql(`
  fragment StatusChangeFields on IdeaStatusChange {
    id
    fromStatus
    toStatus
    response
    votesMoved
    createdAt
    changedBy {
      ...AuthorFields
    }
    mergedInto {
      id
      title
    }
  }
`);

/** The public history of an idea's status, oldest first, with the official responses signed by name. */
export function StatusTimeline({ history }: { history: StatusChangeFieldsFragment[] }) {
  const { t, i18n } = useTranslation('ideas');
  return (
    <section aria-labelledby="history-title" className="status-history">
      <h2 id="history-title">{t('idea.history')}</h2>
      {history.length === 0 ? (
        <p>{t('idea.noHistory')}</p>
      ) : (
        <ol className="timeline">
          {history.map((change) => (
            <li key={change.id}>
              <p>
                <strong>
                  {t('idea.change', {
                    from: t(`status.${change.fromStatus}`),
                    to: t(`status.${change.toStatus}`),
                  })}
                </strong>{' '}
                {t('idea.changedBy', { name: change.changedBy.displayName })}{' '}
                <RoleBadge role={change.changedBy.role} /> ·{' '}
                <time dateTime={change.createdAt}>
                  {formatDateTime(change.createdAt, i18n.resolvedLanguage ?? 'en')}
                </time>
              </p>
              {change.mergedInto && (
                <p>
                  {t('idea.mergedInto')}{' '}
                  <Link to={`/ideas/${change.mergedInto.id}`}>{change.mergedInto.title}</Link>
                  {change.votesMoved ? ` (${t('idea.votesMoved', { count: change.votesMoved })})` : ''}
                </p>
              )}
              {change.response && (
                <blockquote className="official-response" aria-label={t('idea.officialResponse')}>
                  <div dangerouslySetInnerHTML={{ __html: change.response }} />
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
