/** Dates in the reader's language: "23 nov. 2026, 14:05" / "Nov 23, 2026, 2:05 PM". */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
