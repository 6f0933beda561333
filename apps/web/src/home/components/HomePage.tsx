import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { EmptyState, SignInActions } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RoleBadge } from '../../components/RoleBadge';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import type { HomeQuery as HomeData, HomeThreadFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useViewer } from '../../lib/viewer';
import { HomeQuery } from '../api/home';

/**
 * The home page's life: the announcement (pinned, else the latest), what a member follows, the
 * questions waiting for an expert, the latest questions and answers, trending ideas and the open
 * campaign. Every list says what to do when it is empty; a list that is not the reader's is absent.
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const { data, loading, error } = useQuery(HomeQuery);
  const { viewer, isStaff } = useViewer();
  const language = useLanguage();
  if (loading && !data) return <HomeSkeleton />;
  if (!data) return <ErrorNotice error={error} />;
  const { home } = data;
  const announcements = data.spaces.find((space) => space.kind === 'ANNOUNCEMENTS');
  const help = data.spaces.find((space) => space.kind === 'HELP');
  // An empty list's next step fits the reader: a member asks or proposes, a visitor signs in
  // first and comes back to the form.
  const invite = (path: string, label: string) =>
    viewer ? (
      <Link to={path} className="button button-primary">
        {label}
      </Link>
    ) : (
      <SignInActions then={path} />
    );
  return (
    <div className="home">
      {home.announcement ? (
        <Announcement announcement={home.announcement} />
      ) : (
        isStaff &&
        announcements && (
          <p className="home-empty">
            {t('announcement.none')}{' '}
            <Link to={`/s/${announcements.slug}/new`}>{t('announcement.publish')}</Link>
          </p>
        )
      )}
      <div className="home-columns">
        {home.followedActivity && (
          <ThreadSection
            id="home-followed"
            title={t('followed.title')}
            threads={home.followedActivity}
            empty={t('followed.empty')}
            action={<a href="#home-latest">{t('actions.latest')}</a>}
            time="lastActivityAt"
          />
        )}
        {home.unanswered && (
          <ThreadSection
            id="home-unanswered"
            title={t('unanswered.title')}
            hint={t('unanswered.hint')}
            threads={home.unanswered}
            empty={t('unanswered.empty')}
            action={help && <Link to={`/s/${help.slug}`}>{t('actions.browse')}</Link>}
            time="createdAt"
          />
        )}
        <ThreadSection
          id="home-latest"
          title={t('latest.title')}
          threads={home.latestQuestions}
          empty={t('latest.empty')}
          action={help && invite(`/s/${help.slug}/new`, t('actions.ask'))}
          time="createdAt"
        />
        <ThreadSection
          id="home-answered"
          title={t('answered.title')}
          threads={home.recentlyAnswered}
          empty={t('answered.empty')}
          action={help && <Link to={`/s/${help.slug}`}>{t('actions.answer')}</Link>}
          time="lastActivityAt"
        />
        <section className="home-section" aria-labelledby="home-ideas">
          <h2 id="home-ideas">{t('ideas.title')}</h2>
          {home.openCampaign && (
            <p className="home-campaign">
              <span className="badge">{t('ideas.campaign')}</span>{' '}
              <Link to={`/campaigns/${home.openCampaign.id}`}>{home.openCampaign.title}</Link>
              {' · '}
              {t('ideas.closes', { date: formatDateTime(home.openCampaign.closesAt, language) })}
            </p>
          )}
          {home.trendingIdeas.length === 0 ? (
            <EmptyState title={t('ideas.empty')}>{invite('/ideas/new', t('ideas.propose'))}</EmptyState>
          ) : (
            <ul className="home-list">
              {home.trendingIdeas.map((idea) => (
                <li key={idea.id}>
                  <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                  <span className="home-meta">
                    {t('ideas.votes', { count: idea.votesCount })} ·{' '}
                    {t('ideas.comments', { count: idea.commentsCount })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

/** The home page to come: its lists in their columns, a few rows each. */
function HomeSkeleton() {
  return (
    <Skeleton className="home">
      <div className="home-columns">
        {[0, 1, 2, 3].map((section) => (
          <div key={section} className="home-section">
            <SkeletonText width={50} />
            <SkeletonItems list="home-list" count={4} />
          </div>
        ))}
      </div>
    </Skeleton>
  );
}

/** Dates read in the interface's language. */
function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'en';
}

function Announcement({ announcement }: { announcement: NonNullable<HomeData['home']['announcement']> }) {
  const { t } = useTranslation('home');
  const language = useLanguage();
  return (
    <article className="home-announcement" aria-labelledby="home-announcement-title">
      <p className="home-kicker">
        {announcement.pinned ? t('announcement.pinned') : t('announcement.latest')}
      </p>
      <h2 id="home-announcement-title">
        <Link to={`/t/${announcement.id}`}>{announcement.title}</Link>
      </h2>
      <p className="home-meta">
        {announcement.author.displayName} <RoleBadge role={announcement.author.role} /> ·{' '}
        {formatDateTime(announcement.createdAt, language)}
      </p>
      {announcement.question && (
        <div className="post-body" dangerouslySetInnerHTML={{ __html: announcement.question.bodyHtml }} />
      )}
      <p>
        <Link to={`/t/${announcement.id}`}>{t('announcement.comment')}</Link>
      </p>
    </article>
  );
}

function ThreadSection({
  id,
  title,
  hint,
  threads,
  empty,
  action,
  time,
}: {
  id: string;
  title: string;
  hint?: string;
  threads: HomeThreadFieldsFragment[];
  empty: string;
  action?: ReactNode;
  time: 'createdAt' | 'lastActivityAt';
}) {
  const { t } = useTranslation('home');
  const language = useLanguage();
  return (
    <section className="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="field-hint">{hint}</p>}
      {threads.length === 0 ? (
        <EmptyState title={empty}>{action}</EmptyState>
      ) : (
        <ul className="home-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Link to={`/t/${thread.id}`}>{thread.title}</Link>
              <span className="home-meta">
                {thread.space.name} · {t('replies', { count: thread.repliesCount })} ·{' '}
                <time dateTime={thread[time]}>{formatDateTime(thread[time], language)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
