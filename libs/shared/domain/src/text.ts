/**
 * The one rule every string a person sends must pass, whatever the field (a title, a body, an
 * e-mail, a search, a token), and the one way to count its length. The API applies it to every
 * argument before any resolver runs; the web app's forms count with the same function.
 */

/**
 * Why a string is refused whatever field it is sent in:
 * - CONTROL_CHARACTER: a C0 or C1 control character other than tab, line feed and carriage
 *   return (the parts of a line break). NUL (U+0000) is one: PostgreSQL cannot store it in text.
 *   Refused rather than stripped, so what is stored is exactly what was sent.
 * - INVALID_CHARACTER: half of a UTF-16 surrogate pair, which is no character at all (it would be
 *   stored as U+FFFD, silently changing the text).
 */
export type TextProblem = 'CONTROL_CHARACTER' | 'INVALID_CHARACTER';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): TextProblem | null {
  if (CONTROL.test(value)) return 'CONTROL_CHARACTER';
  if (LONE_SURROGATE.test(value)) return 'INVALID_CHARACTER';
  return null;
}

/**
 * The length of a string as PostgreSQL counts it for `varchar(n)`, `char_length` and CHECK
 * constraints: in code points. JavaScript's `length` counts UTF-16 units (an emoji is 2), and
 * validator.js's also skips variation selectors ("❤️" is U+2764 U+FE0F: 1 for it, 2 for
 * PostgreSQL), so both disagree with the column; this does not.
 */
export function textLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Characters that show nothing: spaces of every kind, format characters (zero-width space and
 * joiners, direction marks, the byte-order mark) and the blank fillers (Hangul fillers, braille
 * blank) used to fake an empty name or title.
 */
const INVISIBLE = /[\s\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u034F]/gu;

/** True when a string shows nothing at all (empty, spaces, zero-width characters…). */
export function isVisiblyEmpty(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}
