import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { RoleBadge } from '../../components/RoleBadge';
import type { ModerationLogQuery as LogData } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { ModerationLogQuery } from '../api/moderation';

type Entry = LogData['moderationLog']['edges'][number]['node'];
const PAGE = 30;

/** The public moderation log: every action, newest first, with who, when, what and why. */
export function ModerationLog() {
  const { t } = useTranslation('moderation');
  const { data, loading, error, fetchMore } = useQuery(ModerationLogQuery, { variables: { first: PAGE } });
  if (loading && !data)
    return (
      <Skeleton>
        <SkeletonText title width={50} />
        <SkeletonText width={90} />
        <SkeletonItems list="log-list" count={6} lines={3} />
      </Skeleton>
    );
  if (!data) return <ErrorNotice error={error} />;
  const { edges, pageInfo, totalCount } = data.moderationLog;
  return (
    <div className="moderation-log">
      <header className="page-header">
        <h1>{t('log.title')}</h1>
        <p>
          {t('log.intro')} <Link to="/charter">{t('nav.charter')}</Link>
        </p>
        <p className="field-hint">{t('log.count', { count: totalCount })}</p>
      </header>
      {edges.length === 0 && (
        <EmptyState title={t('log.empty')}>
          <Link to="/charter">{t('queue.readCharter')}</Link>
        </EmptyState>
      )}
      <ol className="log-list">
        {edges.map(({ node }) => (
          <LogEntry key={node.id} entry={node} />
        ))}
      </ol>
      {pageInfo.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() =>
            void fetchMore({
              variables: { after: pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                moderationLog: {
                  ...fetchMoreResult.moderationLog,
                  edges: [...previous.moderationLog.edges, ...fetchMoreResult.moderationLog.edges],
                },
              }),
            })
          }
        >
          {t('log.more')}
        </button>
      )}
    </div>
  );
}

function LogEntry({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation('moderation');
  const detail = (key: string) => entry.details.find((d) => d.key === key)?.value ?? null;
  const from = detail('from');
  const to = detail('to');
  const target = entry.targetType === 'USER' ? detail('displayName') : entry.title;
  // Idea statuses and roles in the reader's language; space names as they are.
  const label = (action: string, value: string) =>
    action.startsWith('IDEA_')
      ? t(`log.ideaStatus.${value}`)
      : action === 'ROLE_CHANGED'
        ? t(`roles.${value}`, { ns: 'common' })
        : value;
  const link =
    entry.targetType === 'USER' ? `/u/${entry.targetId}` : entry.threadId ? `/t/${entry.threadId}` : null;
  return (
    <li className="log-entry">
      <time dateTime={entry.createdAt} className="post-date">
        {formatDateTime(entry.createdAt, i18n.resolvedLanguage ?? 'en')}
      </time>{' '}
      <strong>{entry.actor.displayName}</strong> <RoleBadge role={entry.actor.role} />{' '}
      {/* context: who closed an account (details.by: SELF or ADMIN) */}
      {t(`log.actions.${entry.action}`, { context: detail('by')?.toLowerCase() })}{' '}
      {target &&
        (link ? (
          <Link to={entry.targetType === 'POST' ? `${link}#post-${entry.targetId}` : link}>{target}</Link>
        ) : (
          <em>{target}</em>
        ))}
      {from && to && (
        <> ({t('log.change', { from: label(entry.action, from), to: label(entry.action, to) })})</>
      )}
      {entry.rule && <span className="chip">{t('log.rule', { rule: t(`rules.${entry.rule}`) })}</span>}
      {entry.reason && <p className="log-reason">{t('log.reason', { reason: entry.reason })}</p>}
    </li>
  );
}
