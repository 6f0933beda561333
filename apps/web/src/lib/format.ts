/**
 * The time zone dates are shown in: the browser's, unless a server-rendered page set the
 * community's (DEFAULT_TIME_ZONE), so that the server, a cached page and the browser hydrating it
 * all write the same date.
 */
let displayTimeZone: string | undefined;

export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

/**
 * Intl's formatters, made once per language, time zone and style: making one costs far more than
 * using it (a thread page writes a date per post, and on a slow phone the making showed up as a
 * sixth of the page's hydration).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withZone = { ...options, timeZone: displayTimeZone };
  const key = `${language}|${JSON.stringify(withZone)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(language, withZone)));
  return format;
}

/**
 * A calendar day ("2026-11-26", as reports name their periods) in the reader's language: the day
 * itself, not an instant, so it is formatted at noon UTC in UTC and reads the same in every zone.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
export function formatCalendarDay(
  day: string,
  language: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dayFormats.get(key);
  if (!format)
    dayFormats.set(key, (format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })));
  return format.format(new Date(`${day}T12:00:00Z`));
}

/** The browser's own time zone (the zone reports are asked in), read once: reading it makes a formatter. */
let browserZone: string | undefined;
export function browserTimeZone(): string {
  return (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Intl's number formatters, made once per language and style (as the date formatters above). */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** Dates in the reader's language: "23 nov. 2026, 14:05" / "Nov 23, 2026, 2:05 PM". */
export function formatDateTime(iso: string, language: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
    relativeFormats.set(language, format);
  }
  return format;
}

/** The steps relative times are written in, each used up to the next one's size. */
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 1],
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
  ['week', 604_800],
];
/** Beyond four weeks a relative time says little ("7 weeks ago"): the date is written instead. */
const RELATIVE_LIMIT_S = 28 * 86_400;

/**
 * A time relative to `now`, in the reader's language: "3 hr. ago", "il y a 3 h", "hace 3 h",
 * "in 2 days"; under a minute, "now"; beyond four weeks, the date.
 */
export function formatRelative(iso: string, now: number, language: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const size = Math.abs(seconds);
  if (size >= RELATIVE_LIMIT_S) {
    return dateFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
  }
  const format = relativeFormat(language);
  if (size < 45) return format.format(0, 'second');
  let [unit, length] = RELATIVE_UNITS[0];
  for (const [candidate, candidateLength] of RELATIVE_UNITS) {
    if (size >= candidateLength * 0.95) [unit, length] = [candidate, candidateLength];
  }
  return format.format(Math.round(seconds / length), unit);
}
