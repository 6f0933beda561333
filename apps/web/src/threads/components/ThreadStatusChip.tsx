import type { ThreadStatus } from '../../gql/graphql';
import { useTranslation } from 'react-i18next';

/** OPEN, ANSWERED or RESOLVED, in words and colour (the colour is never the only sign). */
export function ThreadStatusChip({ status }: { status: ThreadStatus }) {
  const { t } = useTranslation('threads');
  return <span className={`chip chip-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
