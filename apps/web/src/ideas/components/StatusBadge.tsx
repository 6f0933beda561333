import type { IdeaStatus } from '@parvis/domain';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas');
  return (
    <span className={`status status-${status.toLowerCase().replace('_', '-')}`}>{t(`status.${status}`)}</span>
  );
}
