import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { SlaClocksFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

export const SlaClocksFields = graphql(`
  fragment SlaClocksFields on Sla {
    firstResponseDueAt
    answerDueAt
    firstResponseAt
    answeredAt
    breached
    firstResponseBreached
    answerBreached
    nextDueAt
  }
`);

/** The two answer clocks of a help thread, for staff: each deadline, when it was met, and whether it ran out. */
export function SlaClocks({ sla }: { sla: SlaClocksFieldsFragment }) {
  const { t, i18n } = useTranslation('threads');
  const date = (iso: string) => formatDateTime(iso, i18n.resolvedLanguage ?? 'en');
  const clock = (label: string, due: string, metAt: string | null, metLabel: string, breached: boolean) => (
    <div className={`sla-clock${breached ? ' overdue' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <time dateTime={due}>{date(due)}</time>
        {metAt && (
          <>
            {' · '}
            {metLabel} <time dateTime={metAt}>{date(metAt)}</time>
          </>
        )}{' '}
        <span className={`chip ${breached ? 'chip-overdue' : 'chip-ontime'}`}>
          {breached ? t('thread.overdue') : t('thread.onTime')}
        </span>
      </dd>
    </div>
  );
  return (
    <section className="sla-clocks" aria-labelledby="sla-heading">
      <h2 id="sla-heading">{t('thread.slaHeading')}</h2>
      <dl>
        {clock(
          t('thread.firstResponseDue'),
          sla.firstResponseDueAt,
          sla.firstResponseAt ?? null,
          t('thread.firstResponseAt'),
          sla.firstResponseBreached,
        )}
        {clock(
          t('thread.answerDue'),
          sla.answerDueAt,
          sla.answeredAt ?? null,
          t('thread.answeredAt'),
          sla.answerBreached,
        )}
      </dl>
    </section>
  );
}
