import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHead } from '../../components/PageHead';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { browserTimeZone, formatCalendarDay, formatDateTime } from '../../lib/format';
import { useViewer } from '../../lib/viewer';
import {
  AddDigestRecipientMutation,
  DigestRecipientsQuery,
  ExecutiveDigestQuery,
  SetDigestRecipientActiveMutation,
} from '../api/reports';
import { daysBefore, localToday } from '../report-dates';

/**
 * The executive digest of any past day, as its recipients received it that morning, and (for
 * admins) who receives it. The day is in the URL: /staff/digest/2026-11-25.
 */
export function DigestPage() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const timeZone = browserTimeZone();
  const day = useParams().day ?? daysBefore(localToday(), 1);
  const { data, loading, error } = useQuery(ExecutiveDigestQuery, { variables: { day, timeZone } });
  const digest = data?.executiveDigest;
  const longDay = formatCalendarDay(day, language, { dateStyle: 'full' });

  return (
    <section className="digest" aria-labelledby="digest-heading">
      <PageHead title={t('digest.title', { day: longDay })} noIndex />
      <header className="page-header">
        <h1 id="digest-heading">{t('digest.title', { day: longDay })}</h1>
        <p>{t('digest.intro')}</p>
        <label>
          {t('digest.day')}
          <input
            type="date"
            value={day}
            max={localToday()}
            onChange={(e) => e.target.value && void navigate(`/staff/digest/${e.target.value}`)}
          />
        </label>
      </header>
      {loading && !digest ? (
        <Skeleton>
          <SkeletonText title width={40} />
          <SkeletonItems list="threads" item="thread-row" count={4} lines={1} />
          <SkeletonText title width={40} />
          <SkeletonItems list="threads" item="thread-row" count={4} lines={1} />
        </Skeleton>
      ) : !digest ? (
        <ErrorNotice error={error} />
      ) : (
        <>
          <section aria-labelledby="digest-promises">
            <h2 id="digest-promises">{t('digest.promises')}</h2>
            <p>{t('digest.questions', { count: digest.questions })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('digest.promise')}</th>
                  <th scope="col" className="numeric">
                    {t('digest.inTime')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('digest.late')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('digest.pending')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('digest.acknowledged')}</th>
                  <td className="numeric">{digest.acknowledgedInTime}</td>
                  <td className="numeric">{digest.acknowledgedLate}</td>
                  <td className="numeric">{digest.acknowledgementPending}</td>
                </tr>
                <tr>
                  <th scope="row">{t('digest.answered')}</th>
                  <td className="numeric">{digest.answeredInTime}</td>
                  <td className="numeric">{digest.answeredLate}</td>
                  <td className="numeric">{digest.answerPending}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section aria-labelledby="digest-hottest">
            <h2 id="digest-hottest">{t('digest.hottest')}</h2>
            {digest.hottestNegative.length === 0 ? (
              <p>{t('digest.noNegative')}</p>
            ) : (
              <ol>
                {digest.hottestNegative.map((thread) => (
                  <li key={thread.threadId}>
                    <Link to={`/t/${thread.threadId}`}>{thread.title}</Link> —{' '}
                    {t('digest.negativePosts', { count: thread.negativePosts, answered: thread.answered })} —{' '}
                    {t(`threadStatuses.${thread.status}`)}
                    {thread.acknowledgedAt
                      ? ` — ${t('digest.acknowledgedAt', { at: formatDateTime(thread.acknowledgedAt, language) })}`
                      : ` — ${t('digest.notAcknowledged')}`}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="digest-ideas">
            <h2 id="digest-ideas">{t('digest.ideasMoved')}</h2>
            {digest.ideasMoved.length === 0 ? (
              <p>{t('digest.noIdeas')}</p>
            ) : (
              <ul>
                {digest.ideasMoved.map((move) => (
                  <li key={`${move.ideaId}-${move.at}`}>
                    <Link to={`/ideas/${move.ideaId}`}>{move.title}</Link>: {t(`statuses.${move.fromStatus}`)}{' '}
                    → {t(`statuses.${move.toStatus}`)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <Link to={`/staff/reports?from=${day}&to=${day}`}>{t('digest.openReport')}</Link>
          </p>
        </>
      )}
      <DigestRecipients />
    </section>
  );
}

/** Who receives the digest; admins add and pause recipients (executives need not be members). */
function DigestRecipients() {
  const { t } = useTranslation('reports');
  const { viewer } = useViewer();
  const isAdmin = viewer?.role === 'ADMIN';
  const { data } = useQuery(DigestRecipientsQuery);
  const [add, adding] = useMutation(AddDigestRecipientMutation, { refetchQueries: [DigestRecipientsQuery] });
  const [setActive] = useMutation(SetDigestRecipientActiveMutation);
  const [form, setForm] = useState({
    email: '',
    name: '',
    language: 'fr',
    timeZone: browserTimeZone(),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({ variables: { input: form } }).catch(() => null);
    if (result?.data) setForm({ ...form, email: '', name: '' });
  };

  return (
    <section aria-labelledby="digest-recipients">
      <h2 id="digest-recipients">{t('recipients.title')}</h2>
      {data && data.digestRecipients.length === 0 && <p>{t('recipients.none')}</p>}
      <ul>
        {data?.digestRecipients.map((recipient) => (
          <li key={recipient.id}>
            {recipient.name} &lt;{recipient.email}&gt; · {recipient.language.toUpperCase()} ·{' '}
            {recipient.timeZone}
            {!recipient.active && ` · ${t('recipients.paused')}`}
            {isAdmin && (
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  void setActive({ variables: { input: { id: recipient.id, active: !recipient.active } } })
                }
              >
                {recipient.active ? t('recipients.pause') : t('recipients.resume')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {isAdmin && (
        <form onSubmit={(event) => void submit(event)} aria-labelledby="add-recipient">
          <h3 id="add-recipient">{t('recipients.add')}</h3>
          <ErrorNotice error={adding.error} />
          <label>
            {t('recipients.name')}
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            {t('recipients.email')}
            <input
              required
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </label>
          <label>
            {t('recipients.language')}
            <select value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })}>
              <option value="fr">Français</option>
              <option value="en">English</option>
              <option value="es">Español</option>
            </select>
          </label>
          <label>
            {t('recipients.timeZone')}
            <input
              required
              value={form.timeZone}
              onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
            />
          </label>
          <button type="submit" className="button" disabled={adding.loading}>
            {t('recipients.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
