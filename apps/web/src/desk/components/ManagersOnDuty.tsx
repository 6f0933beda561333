import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { SpaceDutyFieldsFragment } from '../../gql/graphql';

export const SpaceDutyFields = graphql(`
  fragment SpaceDutyFields on Space {
    id
    managersOnDutyToday {
      id
      displayName
    }
  }
`);

/** "SM" for Sarah Martin: the avatar of someone without a photo. */
export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w.match(/\p{L}/u)?.[0]?.toUpperCase() ?? '')
    .join('');
}

/**
 * A named person, not a logo, in front of the community: "Today your community managers are Sarah
 * and Malik", with their initials as avatars. Nothing when nobody is on duty today.
 */
export function ManagersOnDuty({ space }: { space: SpaceDutyFieldsFragment }) {
  const { t, i18n } = useTranslation('desk');
  const managers = space.managersOnDutyToday;
  if (managers.length === 0) return null;
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' }).format(
    managers.map((m) => m.displayName),
  );
  return (
    <aside className="managers-on-duty" aria-label={t('duty.todayLabel')}>
      <ul className="avatars" aria-hidden="true">
        {managers.map((m) => (
          <li key={m.id} className="avatar" title={m.displayName}>
            {initials(m.displayName)}
          </li>
        ))}
      </ul>
      <p>{t('duty.today', { count: managers.length, names })}</p>
    </aside>
  );
}
