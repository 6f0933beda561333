import type { ReportData } from './reports.service';

/**
 * The report's tables as CSV files (one per table, named as in the URL /reports/<name>.csv):
 * their columns in order, read from the same ReportData the GraphQL `report` returns, so a file
 * and the page show the same numbers. The total of a per-period table is its last row, "total".
 */
type Cell = string | number | null;
interface TableSpec {
  columns: string[];
  rows: (data: ReportData) => Cell[][];
}

const periodLabel = (period: string | null) => period ?? 'total';

export const REPORT_TABLES: Record<string, TableSpec> = {
  'response-times': {
    columns: [
      'period',
      'questions',
      'first_response_median_minutes',
      'first_response_p90_minutes',
      'answer_median_minutes',
      'answer_p90_minutes',
      'first_response_met',
      'first_response_missed',
      'answer_met',
      'answer_missed',
    ],
    rows: (d) =>
      d.responseTimes.map((r) => [
        periodLabel(r.period),
        r.questions,
        r.firstResponseMedian,
        r.firstResponseP90,
        r.answerMedian,
        r.answerP90,
        r.firstResponseMet,
        r.firstResponseMissed,
        r.answerMet,
        r.answerMissed,
      ]),
  },
  answerers: {
    columns: ['community', 'experts', 'staff'],
    rows: (d) => [[d.answerers.community, d.answerers.experts, d.answerers.staff]],
  },
  'top-helpers': {
    columns: ['user_id', 'display_name', 'role', 'accepted_answers', 'replies', 'thanks'],
    rows: (d) =>
      d.topHelpers.map((h) => [h.userId, h.displayName, h.role, h.acceptedAnswers, h.replies, h.thanks]),
  },
  deflection: {
    columns: ['period', 'attempts', 'suggestions_shown', 'suggestion_opened', 'not_posted'],
    rows: (d) =>
      d.deflection.map((r) => [
        periodLabel(r.period),
        r.attempts,
        r.suggestionsShown,
        r.suggestionOpened,
        r.notPosted,
      ]),
  },
  mood: {
    columns: ['period', 'negative_posts', 'answered_in_time', 'answered_late'],
    rows: (d) =>
      d.mood.map((r) => [periodLabel(r.period), r.negativePosts, r.answeredInTime, r.answeredLate]),
  },
  ideas: {
    columns: ['period', 'submitted', 'under_review', 'planned', 'in_progress', 'launched', 'declined'],
    rows: (d) =>
      d.ideaFlow.map((r) => [
        periodLabel(r.period),
        r.submitted,
        r.underReview,
        r.planned,
        r.inProgress,
        r.launched,
        r.declined,
      ]),
  },
  'time-in-status': {
    columns: ['status', 'stays', 'median_days', 'average_days'],
    rows: (d) => d.timeInStatus.map((r) => [r.status, r.stays, r.medianDays, r.averageDays]),
  },
  'top-ideas': {
    columns: ['idea_id', 'title', 'status', 'votes_in_range', 'votes_total'],
    rows: (d) => d.topIdeas.map((r) => [r.ideaId, r.title, r.status, r.votesInRange, r.votesTotal]),
  },
  'trending-ideas': {
    columns: ['idea_id', 'title', 'status', 'votes_last_7_days', 'votes_total'],
    rows: (d) => d.trendingIdeas.map((r) => [r.ideaId, r.title, r.status, r.votesInRange, r.votesTotal]),
  },
  campaigns: {
    columns: [
      'campaign_id',
      'title',
      'closes_at',
      'ideas',
      'votes',
      'winner_idea_id',
      'winner_title',
      'winner_votes',
    ],
    rows: (d) =>
      d.campaigns.map((c) => [
        c.campaignId,
        c.title,
        c.closesAt.toISOString(),
        c.ideas,
        c.votes,
        c.winnerIdeaId,
        c.winnerTitle,
        c.winnerVotes,
      ]),
  },
};

/** RFC 4180 CSV; a cell that a spreadsheet would run as a formula (=, +, -, @) is quoted with a leading apostrophe. */
export function toCsv(spec: TableSpec, data: ReportData): string {
  const lines = [spec.columns, ...spec.rows(data)].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
