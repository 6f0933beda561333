import { roleBadge, type Role } from '@parvis/domain';
import { useTranslation } from 'react-i18next';

/** Staff, experts and moderators answer as themselves: their name always carries their role. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  const badge = roleBadge(role);
  if (!badge) return null;
  return <span className={`badge badge-${badge.toLowerCase()}`}>{t(`roles.${badge}`)}</span>;
}
