/**
 * The time zone dates are shown in: the browser's, unless a server-rendered page set the
 * community's (DEFAULT_TIME_ZONE), so that the server, a cached page and the browser hydrating it
 * all write the same date.
 */
let displayTimeZone: string | undefined;

export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

/** Dates in the reader's language: "23 nov. 2026, 14:05" / "Nov 23, 2026, 2:05 PM". */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: displayTimeZone,
  }).format(new Date(iso));
}
