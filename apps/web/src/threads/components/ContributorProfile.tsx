import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDateTime } from '../../lib/format';
import { useViewer } from '../../lib/viewer';
import { ContributorQuery } from '../api/threads';
import { ThreadStatusChip } from './ThreadStatusChip';

/**
 * A person's public profile: their role, reputation, thanks received and accepted answers, then
 * their latest questions, answers (the accepted ones marked) and ideas.
 */
export function ContributorProfile({ id }: { id: string }) {
  const { t, i18n } = useTranslation('threads');
  const { data, loading, error } = useQuery(ContributorQuery, { variables: { id } });
  const { viewer } = useViewer();
  if (loading && !data)
    return (
      <Skeleton className="narrow">
        <SkeletonText title width={50} />
        <SkeletonText width={30} />
        <SkeletonItems list="home-list" count={3} />
        <SkeletonItems list="home-list" count={3} />
      </Skeleton>
    );
  if (!data) return <ErrorNotice error={error} />;
  const { user } = data;
  // Reading one's own profile, an empty section is an invitation; someone else's, a fact.
  const self = viewer?.id === user.id;
  const helpSlug = data.spaces.find((space) => space.kind === 'HELP')?.slug;
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <div className="narrow profile">
      <header className="page-header">
        <h1>
          {user.displayName} <RoleBadge role={user.role} />
        </h1>
        <p>{t('profile.since', { date: formatDateTime(user.createdAt, language) })}</p>
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
      <section className="profile-activity" aria-labelledby="profile-questions">
        <h2 id="profile-questions">{t('profile.questions')}</h2>
        {user.recentQuestions.length === 0 ? (
          <EmptyState
            title={
              self
                ? t('profile.emptyState.questionsSelf')
                : t('profile.emptyState.questionsOther', { name: user.displayName })
            }
          >
            {self && helpSlug ? (
              <Link to={`/s/${helpSlug}/new`} className="button button-primary">
                {t('profile.emptyState.ask')}
              </Link>
            ) : (
              <Link to="/">{t('profile.emptyState.browse')}</Link>
            )}
          </EmptyState>
        ) : (
          <ul className="home-list">
            {user.recentQuestions.map((thread) => (
              <li key={thread.id}>
                <span>
                  <Link to={`/t/${thread.id}`}>{thread.title}</Link>{' '}
                  <ThreadStatusChip status={thread.status} />
                </span>
                <span className="home-meta">
                  {t('list.replies', { count: thread.repliesCount })} ·{' '}
                  {formatDateTime(thread.createdAt, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="profile-activity" aria-labelledby="profile-answers">
        <h2 id="profile-answers">{t('profile.answers')}</h2>
        {user.recentAnswers.length === 0 ? (
          <EmptyState
            title={
              self
                ? t('profile.emptyState.answersSelf')
                : t('profile.emptyState.answersOther', { name: user.displayName })
            }
            hint={t('profile.emptyState.answersHint')}
          >
            {self && helpSlug ? (
              <Link to={`/s/${helpSlug}`} className="button">
                {t('profile.emptyState.answer')}
              </Link>
            ) : (
              <Link to="/">{t('profile.emptyState.browse')}</Link>
            )}
          </EmptyState>
        ) : (
          <ul className="home-list">
            {user.recentAnswers.map(({ post, thread }) => (
              <li key={post.id}>
                <span>
                  <Link to={`/t/${thread.id}`}>{thread.title}</Link>{' '}
                  {post.isAcceptedAnswer && (
                    <span className="badge badge-accepted">{t('profile.accepted')}</span>
                  )}
                </span>
                <span className="home-meta">
                  {t('profile.thanks', { count: post.thanksCount })} ·{' '}
                  {formatDateTime(post.createdAt, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="profile-activity" aria-labelledby="profile-ideas">
        <h2 id="profile-ideas">{t('profile.ideas')}</h2>
        {user.recentIdeas.length === 0 ? (
          <EmptyState
            title={
              self
                ? t('profile.emptyState.ideasSelf')
                : t('profile.emptyState.ideasOther', { name: user.displayName })
            }
          >
            {self ? (
              <Link to="/ideas/new" className="button">
                {t('profile.emptyState.propose')}
              </Link>
            ) : (
              <Link to="/">{t('profile.emptyState.browse')}</Link>
            )}
          </EmptyState>
        ) : (
          <ul className="home-list">
            {user.recentIdeas.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                <span className="home-meta">{t('profile.votes', { count: idea.votesCount })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
