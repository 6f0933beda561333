import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { ReportQuery, ReportSpacesQuery } from '../api/reports';
import { ReportsPage } from './ReportsPage';

const period = (day: string | null, fields: Record<string, number | null>) => ({ period: day, ...fields });
const responseRow = (
  day: string | null,
  questions: number,
  median: number | null,
  met: number,
  missed: number,
) =>
  period(day, {
    questions,
    firstResponseMedian: median,
    firstResponseP90: median,
    answerMedian: null,
    answerP90: null,
    firstResponseMet: met,
    firstResponseMissed: missed,
    answerMet: 0,
    answerMissed: 0,
  });

const report = {
  timeZone: 'Europe/Paris',
  responseTimes: [
    responseRow('2026-10-05', 2, 75, 1, 1),
    responseRow('2026-10-06', 1, 10, 1, 0),
    responseRow(null, 3, 30, 2, 1),
  ],
  answerers: { community: 6, experts: 3, staff: 1 },
  topHelpers: [
    {
      userId: 'u1',
      displayName: 'Marc Member',
      closed: false,
      role: 'MEMBER',
      acceptedAnswers: 4,
      replies: 9,
      thanks: 2,
    },
  ],
  deflection: [period(null, { attempts: 5, suggestionsShown: 4, suggestionOpened: 2, notPosted: 2 })],
  mood: [period(null, { negativePosts: 3, answeredInTime: 1, answeredLate: 1 })],
  ideaFlow: [
    period(null, { submitted: 2, underReview: 1, planned: 1, inProgress: 0, launched: 0, declined: 0 }),
  ],
  timeInStatus: [{ status: 'UNDER_REVIEW', stays: 1, medianDays: 2.5, averageDays: 2.5 }],
  topIdeas: [],
  trendingIdeas: [],
  campaigns: [],
};

describe('the staff report page', () => {
  it('shows each table beside its chart, in the reader’s language, with its CSV for the same range', async () => {
    const seen: Record<string, unknown>[] = [];
    renderWithProviders(<ReportsPage />, {
      language: 'fr',
      path: '/staff/reports?from=2026-10-05&to=2026-10-06',
      mocks: [
        { request: { query: ReportSpacesQuery }, result: { data: { spaces: [] } } },
        {
          request: {
            query: ReportQuery,
            variables: (variables: Record<string, unknown>) => {
              seen.push(variables);
              return true;
            },
          },
          result: { data: { report } },
        },
      ],
    });

    const times = await screen.findByRole('table', { name: 'Délais de réponse' });
    const rows = within(times).getAllByRole('row');
    expect(within(rows[0]).getAllByRole('columnheader')[0]).toHaveTextContent('Période');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['5 oct.', '2', '75 min', '75 min', '—', '—', '1', '1', '0', '0']);
    expect(within(rows[3]).getAllByRole('cell')[0]).toHaveTextContent('Total');
    expect(screen.getByRole('table', { name: 'Qui répond' })).toHaveTextContent('6 (60 %)');

    const from = new Date(2026, 9, 5).toISOString();
    const to = new Date(2026, 9, 7).toISOString();
    expect(seen[0]).toMatchObject({ from, to, granularity: 'DAY' });
    const csv = screen.getByRole('link', { name: 'Télécharger « Délais de réponse » (CSV)' });
    const href = new URL(csv.getAttribute('href')!, 'http://parvis.test');
    expect(href.pathname).toBe('/reports/response-times.csv');
    expect(Object.fromEntries(href.searchParams)).toMatchObject({ from, to, granularity: 'day' });
  });
});
