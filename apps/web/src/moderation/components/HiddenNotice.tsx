import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostModerationFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

type Hidden = NonNullable<PostModerationFieldsFragment['hidden']>;

/** The public notice left in place of a hidden post: who hid it, when, under which rule. */
export function HiddenNotice({ hidden, readerSeesText }: { hidden: Hidden; readerSeesText: boolean }) {
  const { t, i18n } = useTranslation('moderation');
  return (
    <div className="notice hidden-notice" role="note">
      <p>
        {t('hidden.notice', {
          name: hidden.by.displayName,
          date: formatDateTime(hidden.at, i18n.resolvedLanguage ?? 'en'),
          rule: t(`rules.${hidden.reason}`),
        })}
      </p>
      {hidden.note && <p>{t('hidden.note', { note: hidden.note })}</p>}
      {readerSeesText && <p className="field-hint">{t('hidden.stillVisible')}</p>}
      <p>
        <Link to="/moderation/log">{t('hidden.log')}</Link>
      </p>
    </div>
  );
}
