import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../components/RoleBadge';
import { graphql } from '../../gql';
import type { ThreadAcknowledgementFieldsFragment } from '../../gql/graphql';
import { dateFormat, formatDateTime } from '../../lib/format';

export const ThreadAcknowledgementFields = graphql(`
  fragment ThreadAcknowledgementFields on Thread {
    id
    publicState
    acknowledgement {
      at
      by {
        ...AuthorFields
      }
    }
    sla {
      answerDueAt
      answeredAt
    }
  }
`);

const DUE_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
};

/**
 * "Tuesday 10:00" in the reader's language: when an answer is expected, in the page's display
 * zone (as the server rendered it and as every other date of the page), not the browser's.
 */
function formatDue(iso: string, language: string): string {
  return dateFormat(language, DUE_FORMAT).format(new Date(iso));
}

/**
 * What readers see of a help thread's progress: open → acknowledged → answered → resolved, who
 * for the brand is on it and since when ("Sarah (Parvis team) is on it"), and, while it waits for
 * its answer, when one is expected — the answer clock's deadline, in the reader's language.
 */
export function Acknowledgement({ thread }: { thread: ThreadAcknowledgementFieldsFragment }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? 'en';
  const ack = thread.acknowledgement;
  const waiting =
    thread.sla &&
    !thread.sla.answeredAt &&
    (thread.publicState === 'OPEN' || thread.publicState === 'ACKNOWLEDGED');
  return (
    <div className="acknowledgement" data-state={thread.publicState}>
      <p>
        <span className={`chip chip-state-${thread.publicState.toLowerCase()}`}>
          {t(`publicState.${thread.publicState}`)}
        </span>
        {ack && (
          <>
            {' '}
            <span className="acknowledged-by">
              {t('acknowledgement.onIt', { name: ack.by.displayName })} <RoleBadge role={ack.by.role} /> ·{' '}
              <time dateTime={ack.at}>{formatDateTime(ack.at, language)}</time>
            </span>
          </>
        )}
      </p>
      {waiting && thread.sla && (
        <p className="answer-expected">
          {t('acknowledgement.answerExpected', { date: formatDue(thread.sla.answerDueAt, language) })}
        </p>
      )}
    </div>
  );
}
