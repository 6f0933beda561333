import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, SignInActions } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { CampaignPageQuery, IdeaVotesSubscription } from '../api/ideas';
import { Countdown } from './Countdown';
import { IdeaCard } from './IdeaCard';

/** A campaign: its question, the time left, the viewer's remaining votes, the ranking and, once closed, the winner. */
export function CampaignDetail({ id, signedIn }: { id: string; signedIn: boolean }) {
  const { t } = useTranslation('ideas');
  const { data, loading, error, refetch } = useQuery(CampaignPageQuery, { variables: { id } });
  const frozen = data?.campaign.phase === 'CLOSED';
  // Live while votes can move: a changed count may change the order, so the ranking is asked
  // again. A closed campaign's ranking is final.
  useSubscription(IdeaVotesSubscription, {
    variables: { campaignId: id },
    skip: !data || frozen,
    onData: () => void refetch().catch(() => undefined),
  });
  if (loading && !data)
    return (
      <Skeleton>
        <SkeletonText title width={60} />
        <SkeletonText width={80} />
        <SkeletonText width={40} />
        <SkeletonItems list="idea-list" item="idea-card" lines={3} count={4} />
      </Skeleton>
    );
  if (!data) return <ErrorNotice error={error} />;
  const { campaign } = data;
  const closed = campaign.phase === 'CLOSED';
  // Every vote of the budget is cast: voting is off (taking a vote back is not), and says why.
  const spent =
    signedIn && !closed && campaign.votesPerMember !== null && (campaign.viewerVotesRemaining ?? 0) <= 0;

  return (
    <article className="campaign-page">
      <header className="page-header">
        <p className="status">{t(`campaign.phase.${campaign.phase}`)}</p>
        <h1>{campaign.title}</h1>
        <p className="campaign-question">{campaign.question}</p>
        <p>
          <Countdown phase={campaign.phase} opensAt={campaign.opensAt} closesAt={campaign.closesAt} />
        </p>
        {!closed && (
          <p className="campaign-budget" role="status" id="campaign-budget">
            {campaign.votesPerMember === null
              ? t('campaign.unlimited')
              : spent
                ? t('campaign.spent', { count: campaign.votesPerMember })
                : signedIn
                  ? t('campaign.remaining', { count: campaign.viewerVotesRemaining ?? 0 })
                  : t('campaign.budget', { count: campaign.votesPerMember })}
          </p>
        )}
      </header>
      {closed && (
        <section className="winner" aria-labelledby="winner-title">
          <h2 id="winner-title">{t('campaign.winner')}</h2>
          {campaign.winner ? (
            <Link to={`/ideas/${campaign.winner.id}`}>{campaign.winner.title}</Link>
          ) : (
            <p>{t('campaign.noWinner')}</p>
          )}
        </section>
      )}
      {!closed && signedIn && (
        <p>
          <Link to={`/ideas/new?campaign=${campaign.id}`} className="button">
            {t('campaign.propose')}
          </Link>
        </p>
      )}
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{closed ? t('campaign.finalRanking') : t('campaign.ranking')}</h2>
        {campaign.ranking.length === 0 &&
          (closed ? (
            <EmptyState title={t('campaign.emptyState.title')} hint={t('campaign.emptyState.hintClosed')}>
              <Link to="/roadmap">{t('campaign.emptyState.roadmap')}</Link>
            </EmptyState>
          ) : signedIn ? (
            <EmptyState title={t('campaign.emptyState.title')} hint={t('campaign.emptyState.hintMember')}>
              <Link to={`/ideas/new?campaign=${campaign.id}`} className="button button-primary">
                {t('campaign.propose')}
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={t('campaign.emptyState.title')} hint={t('campaign.emptyState.hintVisitor')}>
              <SignInActions then={`/ideas/new?campaign=${campaign.id}`} />
            </EmptyState>
          ))}
        <ol className="ranking">
          {campaign.ranking.map((entry) => (
            <li key={entry.idea.id} className="ranking-entry">
              <span className="rank">{t('campaign.rank', { rank: entry.rank })}</span>
              {closed ? (
                <p>
                  <Link to={`/ideas/${entry.idea.id}`}>{entry.idea.title}</Link> ·{' '}
                  {t('campaign.votes', { count: entry.votes })}
                </p>
              ) : (
                <IdeaCard
                  idea={entry.idea}
                  onVoted={() => void refetch()}
                  spentReasonId={spent ? 'campaign-budget' : undefined}
                />
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
