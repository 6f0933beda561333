import { roleBadge, type Role } from '@parvis/domain';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';

/** A person as every page names them: the name, and the role their badge shows. */
export const AuthorFields = graphql(`
  fragment AuthorFields on User {
    id
    displayName
    role
  }
`);

/** Staff, experts and moderators answer as themselves: their name always carries their role. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  const badge = roleBadge(role);
  if (!badge) return null;
  return <span className={`badge badge-${badge.toLowerCase()}`}>{t(`roles.${badge}`)}</span>;
}
