import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CampaignsQuery } from '../api/ideas';
import { Countdown } from './Countdown';

/** The brand's campaigns, open ones first, each with its deadline or its winner. */
export function CampaignList() {
  const { t } = useTranslation('ideas');
  const { data } = useQuery(CampaignsQuery);
  if (!data || data.campaigns.length === 0) return null;
  return (
    <section className="campaigns" aria-labelledby="campaigns-title">
      <h3 id="campaigns-title">{t('campaign.list')}</h3>
      <ul className="campaign-list">
        {data.campaigns.map((campaign) => (
          <li key={campaign.id} className={`campaign-card campaign-${campaign.phase.toLowerCase()}`}>
            <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
            <p>{campaign.question}</p>
            <p className="idea-meta">
              <span className="status">{t(`campaign.phase.${campaign.phase}`)}</span>{' '}
              {campaign.phase === 'CLOSED' ? (
                campaign.winner && t('campaign.winnerIs', { title: campaign.winner.title })
              ) : (
                <Countdown phase={campaign.phase} opensAt={campaign.opensAt} closesAt={campaign.closesAt} />
              )}{' '}
              · {t('campaign.ideasCount', { count: campaign.ideasCount })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
