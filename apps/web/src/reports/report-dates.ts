import type { ReportGranularity } from '../gql/graphql';
import { formatCalendarDay } from '../lib/format';

/** Days as the report's date fields hold them (YYYY-MM-DD), in the reader's own time zone. */
export function localToday(now = new Date()): string {
  return isoDay(now);
}

export function daysBefore(day: string, count: number): string {
  const date = atLocalMidnight(day);
  date.setDate(date.getDate() - count);
  return isoDay(date);
}

export function dayAfter(day: string): string {
  return daysBefore(day, -1);
}

/**
 * The instants a report covers for the days `first` to `last` included, in the reader's time zone:
 * from the first day's midnight to the midnight after the last (the API's `to` is excluded).
 */
export function reportRange(first: string, last: string): { from: string; to: string } {
  return { from: atLocalMidnight(first).toISOString(), to: atLocalMidnight(dayAfter(last)).toISOString() };
}

const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** A period's name by the report's granularity: "26 nov. 2026", "semaine du 23 nov.", "novembre 2026". */
export function periodLabel(
  period: string,
  granularity: ReportGranularity,
  language: string,
  weekOf: (day: string) => string,
): string {
  if (granularity === 'MONTH') return formatCalendarDay(period, language, MONTH);
  const day = formatCalendarDay(period, language, DAY);
  return granularity === 'WEEK' ? weekOf(day) : day;
}

function atLocalMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
