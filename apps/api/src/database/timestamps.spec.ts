import { types } from 'pg';
import { parseTimestamptz } from './timestamps';

const pgParse = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => unknown;

/** An instant as PostgreSQL writes a timestamptz in a session whose offset is `offsetMinutes`. */
function asPostgresWrites(at: Date, micros: number, offsetMinutes: number, fractionDigits: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const fraction = String(local.getUTCMilliseconds() * 1000 + micros)
    .padStart(6, '0')
    .slice(0, fractionDigits)
    .replace(/0+$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (fraction ? `.${fraction}` : '') +
    `${sign}${pad(Math.floor(offset / 60))}${offset % 60 ? `:${pad(offset % 60)}` : ''}`
  );
}

describe('reading a timestamptz', () => {
  it('gives the instant pg’s own parser gives, for any instant, offset and fraction PostgreSQL writes', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const offsets = [0, 60, -180, 330, 345, -570, 840, -720, 525];
    for (let i = 0; i < 5000; i++) {
      const at = new Date(Date.UTC(100, 0, 1) + random() * (Date.UTC(9999, 0, 1) - Date.UTC(100, 0, 1)));
      const text = asPostgresWrites(at, Math.floor(random() * 1000), offsets[i % offsets.length], i % 7);
      const parsed = parseTimestamptz(text);
      expect([text, (parsed as Date).getTime()]).toEqual([text, (pgParse(text) as Date).getTime()]);
    }
  });

  it.each([
    ['2026-11-27 10:11:57.123+00', '2026-11-27T10:11:57.123Z'],
    ['2026-11-27 10:11:57.1239+00', '2026-11-27T10:11:57.123Z'],
    ['2026-11-27 10:11:57+05:30', '2026-11-27T04:41:57.000Z'],
    ['2026-01-01 00:30:00-03', '2026-01-01T03:30:00.000Z'],
    ['2024-02-29 23:59:59.999999+00', '2024-02-29T23:59:59.999Z'],
  ])('reads %s as %s', (text, iso) => {
    expect((parseTimestamptz(text) as Date).toISOString()).toBe(iso);
  });

  it.each([
    'infinity',
    '-infinity',
    '0099-12-31 23:59:59+00',
    '0001-01-01 00:00:00+00 BC',
    '12345-06-07 08:09:10+00',
    '1901-01-01 00:00:00+00:09:21',
  ])('leaves %s, which it does not read, to pg’s parser', (text) => {
    expect(parseTimestamptz(text)).toEqual(pgParse(text));
  });
});
