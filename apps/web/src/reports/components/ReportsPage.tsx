import { useQuery } from '@apollo/client/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonText } from '../../components/Skeleton';
import type { ReportGranularity } from '../../gql/graphql';
import { browserTimeZone } from '../../lib/format';
import { ReportQuery, ReportSpacesQuery } from '../api/reports';
import { daysBefore, localToday, periodLabel, reportRange } from '../report-dates';

/** What a table shows: a header and how to read each row's cell. */
interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

const CHART = { width: 720, height: 260 };
const COLORS = ['#1d4ed8', '#b45309', '#15803d', '#b91c1c', '#7c3aed', '#0f766e'];

/**
 * The staff report: answer times against the promises, who answers, deflection, mood and ideas
 * over a range, each as a chart with its table beside it (the table is what screen readers and
 * spreadsheets read) and a CSV download of exactly that table. The range lives in the URL, so a
 * report can be shared and the executive digest links to one day.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.resolvedLanguage ?? 'en';
  const timeZone = browserTimeZone();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const first = params.get('from') ?? daysBefore(today, 27);
  const last = params.get('to') ?? today;
  const granularity = (params.get('granularity')?.toUpperCase() as ReportGranularity) || 'DAY';
  const spaceId = params.get('space') || null;
  const contentLanguage = params.get('language') || null;
  const range = reportRange(first, last);
  const filterId = useId();

  const spaces = useQuery(ReportSpacesQuery);
  const { data, loading, error } = useQuery(ReportQuery, {
    variables: { ...range, granularity, timeZone, spaceId, language: contentLanguage },
    fetchPolicy: 'cache-and-network',
  });

  const csvQuery = new URLSearchParams({
    ...range,
    granularity: granularity.toLowerCase(),
    timeZone,
    ...(spaceId ? { spaceId } : {}),
    ...(contentLanguage ? { language: contentLanguage } : {}),
  }).toString();
  const csvHref = (table: string) => `/reports/${table}.csv?${csvQuery}`;
  const label = (period: string | null | undefined) =>
    period ? periodLabel(period, granularity, language, (day) => t('weekOf', { day })) : t('total');
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : t('minutes', { count: Math.round(value) });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const report = data?.report;
  const perPeriod = <Row extends { period?: string | null }>(rows: readonly Row[]) =>
    rows.filter((row) => row.period).map((row) => ({ ...row, label: label(row.period) }));

  return (
    <section className="reports" aria-labelledby="reports-heading">
      <header className="page-header">
        <h1 id="reports-heading">{t('title')}</h1>
        <p>{t('intro')}</p>
        <p>
          <Link to={`/staff/digest/${daysBefore(today, 1)}`}>{t('digestLink')}</Link>
        </p>
      </header>

      <form className="report-filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${filterId}-from`}>{t('from')}</label>
          <input
            id={`${filterId}-from`}
            type="date"
            value={first}
            max={last}
            onChange={(e) => update({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-to`}>{t('to')}</label>
          <input
            id={`${filterId}-to`}
            type="date"
            value={last}
            min={first}
            onChange={(e) => update({ to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-granularity`}>{t('granularity')}</label>
          <select
            id={`${filterId}-granularity`}
            value={granularity}
            onChange={(e) => update({ granularity: e.target.value.toLowerCase() })}
          >
            <option value="DAY">{t('byDay')}</option>
            <option value="WEEK">{t('byWeek')}</option>
            <option value="MONTH">{t('byMonth')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-space`}>{t('space')}</label>
          <select
            id={`${filterId}-space`}
            value={spaceId ?? ''}
            onChange={(e) => update({ space: e.target.value })}
          >
            <option value="">{t('allSpaces')}</option>
            {spaces.data?.spaces.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-contentLanguage`}>{t('contentLanguage')}</label>
          <select
            id={`${filterId}-contentLanguage`}
            value={contentLanguage ?? ''}
            onChange={(e) => update({ language: e.target.value })}
          >
            <option value="">{t('allLanguages')}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </div>
      </form>

      {loading && !report ? (
        <Skeleton>
          <SkeletonText title width={40} />
          <span className="skeleton-block" />
          <SkeletonText title width={40} />
          <span className="skeleton-block" />
        </Skeleton>
      ) : !report ? (
        <ErrorNotice error={error} />
      ) : (
        <>
          <ReportSection
            id="response-times"
            title={t('responseTimes.title')}
            intro={t('responseTimes.intro')}
            csv={csvHref('response-times')}
            charts={
              <>
                <LineChart {...CHART} data={perPeriod(report.responseTimes)} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis unit=" min" />
                  <Tooltip />
                  <Legend />
                  <Line
                    dataKey="firstResponseMedian"
                    name={t('responseTimes.firstResponseMedian')}
                    stroke={COLORS[0]}
                    connectNulls
                  />
                  <Line
                    dataKey="answerMedian"
                    name={t('responseTimes.answerMedian')}
                    stroke={COLORS[1]}
                    connectNulls
                  />
                </LineChart>
                <BarChart {...CHART} data={perPeriod(report.responseTimes)} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar
                    dataKey="firstResponseMet"
                    stackId="first"
                    name={t('responseTimes.firstResponseMet')}
                    fill={COLORS[2]}
                  />
                  <Bar
                    dataKey="firstResponseMissed"
                    stackId="first"
                    name={t('responseTimes.firstResponseMissed')}
                    fill={COLORS[3]}
                  />
                  <Bar
                    dataKey="answerMet"
                    stackId="answer"
                    name={t('responseTimes.answerMet')}
                    fill={COLORS[0]}
                  />
                  <Bar
                    dataKey="answerMissed"
                    stackId="answer"
                    name={t('responseTimes.answerMissed')}
                    fill={COLORS[1]}
                  />
                </BarChart>
              </>
            }
          >
            <ReportTable
              caption={t('responseTimes.title')}
              rows={report.responseTimes}
              columns={[
                { header: t('period'), cell: (r) => label(r.period) },
                { header: t('responseTimes.questions'), cell: (r) => r.questions, numeric: true },
                {
                  header: t('responseTimes.firstResponseMedian'),
                  cell: (r) => minutes(r.firstResponseMedian),
                  numeric: true,
                },
                {
                  header: t('responseTimes.firstResponseP90'),
                  cell: (r) => minutes(r.firstResponseP90),
                  numeric: true,
                },
                {
                  header: t('responseTimes.answerMedian'),
                  cell: (r) => minutes(r.answerMedian),
                  numeric: true,
                },
                { header: t('responseTimes.answerP90'), cell: (r) => minutes(r.answerP90), numeric: true },
                {
                  header: t('responseTimes.firstResponseMet'),
                  cell: (r) => r.firstResponseMet,
                  numeric: true,
                },
                {
                  header: t('responseTimes.firstResponseMissed'),
                  cell: (r) => r.firstResponseMissed,
                  numeric: true,
                },
                { header: t('responseTimes.answerMet'), cell: (r) => r.answerMet, numeric: true },
                { header: t('responseTimes.answerMissed'), cell: (r) => r.answerMissed, numeric: true },
              ]}
            />
          </ReportSection>

          <ReportSection
            id="answerers"
            title={t('answerers.title')}
            intro={t('answerers.intro')}
            csv={csvHref('answerers')}
            charts={
              <>
                <BarChart
                  {...CHART}
                  layout="vertical"
                  data={[
                    { name: t('answerers.community'), value: report.answerers.community },
                    { name: t('answerers.experts'), value: report.answerers.experts },
                    { name: t('answerers.staff'), value: report.answerers.staff },
                  ]}
                  accessibilityLayer
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={160} />
                  <Tooltip />
                  <Bar dataKey="value" name={t('answerers.accepted')} fill={COLORS[2]} />
                </BarChart>
              </>
            }
          >
            <ReportTable
              caption={t('answerers.title')}
              rows={[report.answerers]}
              columns={[
                { header: t('answerers.community'), cell: (r) => share(r.community, r), numeric: true },
                { header: t('answerers.experts'), cell: (r) => share(r.experts, r), numeric: true },
                { header: t('answerers.staff'), cell: (r) => share(r.staff, r), numeric: true },
              ]}
            />
            <h3>{t('answerers.topHelpers')}</h3>
            <p>
              <a href={csvHref('top-helpers')} download>
                {t('csv', { table: t('answerers.topHelpers') })}
              </a>
            </p>
            <ReportTable
              caption={t('answerers.topHelpers')}
              rows={report.topHelpers}
              empty={t('empty')}
              columns={[
                {
                  header: t('answerers.member'),
                  cell: (r) => (
                    <Link to={`/u/${r.userId}`}>
                      {r.closed ? t('formerMember', { ns: 'identity' }) : r.displayName}
                    </Link>
                  ),
                },
                { header: t('answerers.role'), cell: (r) => t(`roles.${r.role}`) },
                { header: t('answerers.acceptedAnswers'), cell: (r) => r.acceptedAnswers, numeric: true },
                { header: t('answerers.replies'), cell: (r) => r.replies, numeric: true },
                { header: t('answerers.thanks'), cell: (r) => r.thanks, numeric: true },
              ]}
            />
          </ReportSection>

          <ReportSection
            id="deflection"
            title={t('deflection.title')}
            intro={t('deflection.intro')}
            csv={csvHref('deflection')}
            charts={
              <>
                <BarChart {...CHART} data={perPeriod(report.deflection)} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="suggestionsShown" name={t('deflection.suggestionsShown')} fill={COLORS[0]} />
                  <Bar dataKey="suggestionOpened" name={t('deflection.suggestionOpened')} fill={COLORS[4]} />
                  <Bar dataKey="notPosted" name={t('deflection.notPosted')} fill={COLORS[2]} />
                </BarChart>
              </>
            }
          >
            <ReportTable
              caption={t('deflection.title')}
              rows={report.deflection}
              columns={[
                { header: t('period'), cell: (r) => label(r.period) },
                { header: t('deflection.attempts'), cell: (r) => r.attempts, numeric: true },
                { header: t('deflection.suggestionsShown'), cell: (r) => r.suggestionsShown, numeric: true },
                { header: t('deflection.suggestionOpened'), cell: (r) => r.suggestionOpened, numeric: true },
                { header: t('deflection.notPosted'), cell: (r) => r.notPosted, numeric: true },
              ]}
            />
          </ReportSection>

          <ReportSection
            id="mood"
            title={t('mood.title')}
            intro={t('mood.intro')}
            csv={csvHref('mood')}
            charts={
              <>
                <BarChart {...CHART} data={perPeriod(report.mood)} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="negativePosts" name={t('mood.negativePosts')} fill={COLORS[3]} />
                  <Bar dataKey="answeredInTime" name={t('mood.answeredInTime')} fill={COLORS[2]} />
                  <Bar dataKey="answeredLate" name={t('mood.answeredLate')} fill={COLORS[1]} />
                </BarChart>
              </>
            }
          >
            <ReportTable
              caption={t('mood.title')}
              rows={report.mood}
              columns={[
                { header: t('period'), cell: (r) => label(r.period) },
                { header: t('mood.negativePosts'), cell: (r) => r.negativePosts, numeric: true },
                { header: t('mood.answeredInTime'), cell: (r) => r.answeredInTime, numeric: true },
                { header: t('mood.answeredLate'), cell: (r) => r.answeredLate, numeric: true },
              ]}
            />
          </ReportSection>

          <ReportSection
            id="ideas"
            title={t('ideas.title')}
            intro={t('ideas.intro')}
            csv={csvHref('ideas')}
            charts={
              <>
                <BarChart {...CHART} data={perPeriod(report.ideaFlow)} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {(
                    ['submitted', 'underReview', 'planned', 'inProgress', 'launched', 'declined'] as const
                  ).map((key, i) => (
                    <Bar key={key} dataKey={key} stackId="ideas" name={t(`ideas.${key}`)} fill={COLORS[i]} />
                  ))}
                </BarChart>
              </>
            }
          >
            <ReportTable
              caption={t('ideas.title')}
              rows={report.ideaFlow}
              columns={[
                { header: t('period'), cell: (r) => label(r.period) },
                { header: t('ideas.submitted'), cell: (r) => r.submitted, numeric: true },
                { header: t('ideas.underReview'), cell: (r) => r.underReview, numeric: true },
                { header: t('ideas.planned'), cell: (r) => r.planned, numeric: true },
                { header: t('ideas.inProgress'), cell: (r) => r.inProgress, numeric: true },
                { header: t('ideas.launched'), cell: (r) => r.launched, numeric: true },
                { header: t('ideas.declined'), cell: (r) => r.declined, numeric: true },
              ]}
            />
            <h3>{t('ideas.timeInStatus')}</h3>
            <p>
              <a href={csvHref('time-in-status')} download>
                {t('csv', { table: t('ideas.timeInStatus') })}
              </a>
            </p>
            <ReportTable
              caption={t('ideas.timeInStatus')}
              rows={report.timeInStatus}
              empty={t('empty')}
              columns={[
                { header: t('ideas.status'), cell: (r) => t(`statuses.${r.status}`) },
                { header: t('ideas.stays'), cell: (r) => r.stays, numeric: true },
                { header: t('ideas.medianDays'), cell: (r) => days(r.medianDays, t), numeric: true },
                { header: t('ideas.averageDays'), cell: (r) => days(r.averageDays, t), numeric: true },
              ]}
            />
            {(
              [
                ['topIdeas', 'top-ideas', report.topIdeas],
                ['trendingIdeas', 'trending-ideas', report.trendingIdeas],
              ] as const
            ).map(([key, file, rows]) => (
              <div key={key}>
                <h3>{t(`ideas.${key}`)}</h3>
                <p>
                  <a href={csvHref(file)} download>
                    {t('csv', { table: t(`ideas.${key}`) })}
                  </a>
                </p>
                <ReportTable
                  caption={t(`ideas.${key}`)}
                  rows={rows}
                  empty={t('empty')}
                  columns={[
                    {
                      header: t('ideas.idea'),
                      cell: (r) => <Link to={`/ideas/${r.ideaId}`}>{r.title}</Link>,
                    },
                    { header: t('ideas.status'), cell: (r) => t(`statuses.${r.status}`) },
                    { header: t('ideas.votesInRange'), cell: (r) => r.votesInRange, numeric: true },
                    { header: t('ideas.votesTotal'), cell: (r) => r.votesTotal, numeric: true },
                  ]}
                />
              </div>
            ))}
            <h3>{t('ideas.campaigns')}</h3>
            <p>
              <a href={csvHref('campaigns')} download>
                {t('csv', { table: t('ideas.campaigns') })}
              </a>
            </p>
            <ReportTable
              caption={t('ideas.campaigns')}
              rows={report.campaigns}
              empty={t('empty')}
              columns={[
                {
                  header: t('ideas.campaign'),
                  cell: (r) => <Link to={`/campaigns/${r.campaignId}`}>{r.title}</Link>,
                },
                { header: t('ideas.ideasCount'), cell: (r) => r.ideas, numeric: true },
                { header: t('ideas.votes'), cell: (r) => r.votes, numeric: true },
                {
                  header: t('ideas.winner'),
                  cell: (r) =>
                    r.winnerIdeaId ? (
                      <Link to={`/ideas/${r.winnerIdeaId}`}>
                        {r.winnerTitle} ({t('ideas.votesCount', { count: r.winnerVotes ?? 0 })})
                      </Link>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </ReportSection>
          <p className="report-api">{t('api')}</p>
        </>
      )}
    </section>
  );
}

function share(part: number, all: { community: number; experts: number; staff: number }): string {
  const total = all.community + all.experts + all.staff;
  return total === 0 ? '0' : `${part} (${Math.round((part * 100) / total)} %)`;
}

function days(
  value: number | null | undefined,
  t: (key: string, options: { count: number }) => string,
): string {
  return value === null || value === undefined ? '—' : t('days', { count: value });
}

function ReportSection({
  id,
  title,
  intro,
  csv,
  charts,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  csv: string;
  charts: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('reports');
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p>{intro}</p>
      <p>
        <a href={csv} download>
          {t('csv', { table: title })}
        </a>
      </p>
      {/* Charts are drawn for the eye; their numbers are in the tables below, which assistive technology reads. */}
      <div className="report-charts" aria-hidden="true">
        {charts}
      </div>
      {children}
    </section>
  );
}

function ReportTable<Row>({
  caption,
  rows,
  columns,
  empty,
}: {
  caption: string;
  rows: readonly Row[];
  columns: Column<Row>[];
  empty?: string;
}) {
  const captionId = useId();
  if (rows.length === 0 && empty) return <p>{empty}</p>;
  return (
    <div className="report-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
