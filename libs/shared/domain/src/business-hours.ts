/**
 * Opening hours and the arithmetic of answer clocks that count only them. A week is a list of
 * opening periods in local wall-clock time (`day` 1 = Monday … 7 = Sunday, minutes since local
 * midnight), read in an IANA time zone, so that 09:00 stays 09:00 across daylight-saving changes.
 * Pure functions over `Intl`: no library, no clock of their own.
 */
export interface OpeningPeriod {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  /** Minutes after local midnight, 0–1439. */
  from: number;
  /** Minutes after local midnight, `from` < `to` ≤ 1440. */
  to: number;
}

export interface OpeningHours {
  timeZone: string;
  periods: readonly OpeningPeriod[];
}

export const MINUTES_PER_DAY = 1440;

/** A local calendar date and time in some zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** True for a time zone `Intl` knows ("Europe/Paris", "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const t = localTime(new Date(instant), timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day) + t.minutes * 60_000;
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock of `timeZone` shows `minutes` after midnight of the local
 * date year-month-day. A time skipped by a spring-forward change maps to the instant just after it;
 * a repeated one (autumn) to its first occurrence.
 */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  minutes: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  // The offsets a day before and a day after: they differ only around a change.
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const c of candidates) if (c + offsetAt(c, timeZone) === wall) return new Date(c);
  // In the gap of a spring-forward change: read with the offset before it, so just after the gap.
  return new Date(wall - before);
}

/** The local date after year-month-day (calendar arithmetic, no zone involved). */
function nextDate(d: { year: number; month: number; day: number }): {
  year: number;
  month: number;
  day: number;
} {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function weekdayOf(d: { year: number; month: number; day: number }): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The opening periods of one local date, as instants, in order. */
export function openIntervals(
  date: { year: number; month: number; day: number },
  hours: OpeningHours,
): { start: Date; end: Date }[] {
  const weekday = weekdayOf(date);
  return hours.periods
    .filter((p) => p.day === weekday)
    .sort((a, b) => a.from - b.from)
    .map((p) => ({
      start: zonedInstant(date.year, date.month, date.day, p.from, hours.timeZone),
      end: zonedInstant(date.year, date.month, date.day, p.to, hours.timeZone),
    }));
}

/**
 * The instant `minutes` of opening time after `start`: with no opening hours (null, or no period
 * at all) the clock runs around the clock. A thread asked on Friday evening with a 60-minute
 * first response, Monday–Friday 09:00–18:00, is due on Monday at 10:00, local time.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: OpeningHours | null): Date {
  if (!hours || hours.periods.length === 0) return new Date(start.getTime() + minutes * 60_000);
  let remaining = minutes * 60_000;
  const first = localTime(start, hours.timeZone);
  let date = { year: first.year, month: first.month, day: first.day };
  // At most a year of empty weeks is looked through: a week with periods always has one.
  for (let i = 0; i < 400; i++) {
    for (const { start: open, end } of openIntervals(date, hours)) {
      const from = Math.max(open.getTime(), start.getTime());
      const available = end.getTime() - from;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
    date = nextDate(date);
  }
  throw new Error('Opening hours without any open period in a year.');
}

/** Whether `instant` falls within an opening period (always, with no opening hours). */
export function isOpenAt(instant: Date, hours: OpeningHours | null): boolean {
  if (!hours || hours.periods.length === 0) return true;
  const t = localTime(instant, hours.timeZone);
  return hours.periods.some((p) => p.day === t.weekday && p.from <= t.minutes && t.minutes < p.to);
}

/** "09:00" → 540; null when it is not a time of day (24:00 is allowed, as an end). */
export function parseClockTime(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

/** 540 → "09:00". */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A reason the periods cannot be opening hours, or null when they can. */
export function invalidPeriods(periods: readonly OpeningPeriod[]): string | null {
  for (const p of periods) {
    if (!Number.isInteger(p.day) || p.day < 1 || p.day > 7) return 'day must be 1 (Monday) to 7 (Sunday).';
    if (!Number.isInteger(p.from) || !Number.isInteger(p.to) || p.from < 0 || p.to > MINUTES_PER_DAY)
      return 'from and to must be times of day.';
    if (p.from >= p.to) return 'Each period must end after it starts.';
  }
  const sorted = [...periods].sort((a, b) => a.day - b.day || a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].day === sorted[i - 1].day && sorted[i].from < sorted[i - 1].to)
      return 'Periods of the same day must not overlap.';
  }
  return null;
}
