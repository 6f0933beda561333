import { types } from 'pg';

const TIMESTAMPTZ: number = types.builtins.TIMESTAMPTZ;

/** pg's own parser of the type (pg-types' postgres-date). */
const pgParse = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (
  text: string,
) => Date | number | null;

const ZERO = 48;
const DASH = 45;
const SPACE = 32;
const DOT = 46;
const PLUS = 43;
const COLON = 58;

/**
 * A `timestamptz` as PostgreSQL writes it (DateStyle ISO, whatever the session's time zone):
 * `2026-11-27 10:11:57.123456+00`, `… +05:30`, `… -03`. Read by hand: pg's own parser
 * (postgres-date) runs three regular expressions per value (2 % of a thread page's processor time,
 * which reads about sixty). Anything else (a year before 100 or after 9999,
 * BC, ±infinity, seconds in the offset) goes to pg's parser, which reads every form.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const n = text.length;
  if (n < 22 || text.charCodeAt(4) !== DASH || text.charCodeAt(10) !== SPACE) return pgParse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let at = 19;
  let millisecond = 0;
  if (text.charCodeAt(at) === DOT) {
    // Up to six digits; a Date keeps milliseconds, the rest is dropped as pg's parser drops it.
    let scale = 100;
    for (at++; at < n && isDigit(text.charCodeAt(at)); at++) {
      millisecond += (text.charCodeAt(at) - ZERO) * scale;
      scale /= 10;
    }
    millisecond = Math.floor(millisecond);
  }
  const sign = text.charCodeAt(at) === PLUS ? 1 : text.charCodeAt(at) === DASH ? -1 : 0;
  const offsetHours = digits(text, at + 1, 2);
  let offsetMinutes = 0;
  if (at + 3 < n) {
    if (at + 6 !== n || text.charCodeAt(at + 3) !== COLON) return pgParse(text);
    offsetMinutes = digits(text, at + 4, 2);
  } else if (at + 3 !== n) return pgParse(text);
  if (
    sign === 0 ||
    year < 100 ||
    Number.isNaN(year + month + day + hour + minute + second + offsetHours + offsetMinutes)
  )
    return pgParse(text);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return new Date(utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

/**
 * pg's type parsers, `timestamptz` read by `parseTimestamptz`: given to each connection
 * (`types` of the pool's clients), so that nothing else in the process is changed.
 */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? parseTimestamptz
      : (types.getTypeParser as (oid: number, format?: string) => unknown)(
          oid,
          format,
        )) as typeof types.getTypeParser,
};

const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/** The number written with `count` digits from `start`; NaN when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return NaN;
    value = value * 10 + code - ZERO;
  }
  return value;
}
