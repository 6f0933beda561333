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

/** Dates in the reader's language: "23 nov. 2026, 14:05" / "Nov 23, 2026, 2:05 PM". */
export function formatDateTime(iso: string, language: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
