import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../lib/format';
import { useNow } from '../lib/now';

/**
 * A time as people read it in a community: "3 h ago", in the reader's language, with the exact
 * date and time on hover (title) and for assistive technology (the <time> element's datetime).
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const now = useNow();
  return (
    <time dateTime={iso} title={formatDateTime(iso, language)} className={className}>
      {formatRelative(iso, now, language)}
    </time>
  );
}
