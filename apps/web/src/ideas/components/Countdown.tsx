import type { CampaignPhase } from '@parvis/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

/** "Closes in 4 d 3 h 12 min", ticking every second; the date once the campaign is closed. */
export function Countdown({
  phase,
  opensAt,
  closesAt,
}: {
  phase: CampaignPhase;
  opensAt: string;
  closesAt: string;
}) {
  const { t, i18n } = useTranslation('ideas');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (phase === 'CLOSED') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);

  if (phase === 'CLOSED')
    return (
      <span>{t('campaign.closedOn', { date: formatDateTime(closesAt, i18n.resolvedLanguage ?? 'en') })}</span>
    );
  const target = new Date(phase === 'UPCOMING' ? opensAt : closesAt).getTime();
  const time = duration(Math.max(0, target - now), t);
  return (
    // The server's clock wrote the first text; the browser's replaces it within a second.
    <span className="countdown" role="timer" suppressHydrationWarning>
      {t(phase === 'UPCOMING' ? 'campaign.opensIn' : 'campaign.closesIn', { time })}
    </span>
  );
}

function duration(ms: number, t: (key: string, options: { count: number }) => string): string {
  const seconds = Math.floor(ms / 1000);
  const parts: [string, number][] = [
    ['d', Math.floor(seconds / 86_400)],
    ['h', Math.floor((seconds % 86_400) / 3600)],
    ['m', Math.floor((seconds % 3600) / 60)],
    ['s', seconds % 60],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  // Days, hours and minutes while far away; seconds appear in the last hour.
  return parts
    .slice(first === -1 ? 3 : first, first === -1 ? 4 : Math.min(first + 3, 4))
    .map(([unit, n]) => t(`time.${unit}`, { count: n }))
    .join(' ');
}
