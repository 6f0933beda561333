import { formatRelative } from './format';

const now = Date.parse('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
// French and Spanish put no-break spaces between number and unit; compared here as spaces.
const relative = (iso: string, language: string) =>
  formatRelative(iso, now, language).replace(/[\u00a0\u202f]/g, ' ');

describe('relative times', () => {
  it('says "now" under a minute, then minutes, hours, days and weeks, in the reader’s language', () => {
    expect(relative(ago(10), 'en')).toBe('now');
    expect(relative(ago(5 * 60), 'en')).toBe('5 min. ago');
    expect(relative(ago(3 * 3600), 'en')).toBe('3 hr. ago');
    expect(relative(ago(3 * 3600), 'fr')).toBe('il y a 3 h');
    expect(relative(ago(3 * 3600), 'es')).toBe('hace 3 h');
    expect(relative(ago(86_400), 'en')).toBe('yesterday');
    expect(relative(ago(3 * 86_400), 'fr')).toBe('il y a 3 j');
    expect(relative(ago(14 * 86_400), 'en')).toBe('2 wk. ago');
  });

  it('writes times to come as such', () => {
    expect(relative(new Date(now + 2 * 3600 * 1000).toISOString(), 'en')).toBe('in 2 hr.');
  });

  it('writes the date beyond four weeks, when "9 weeks ago" would say little', () => {
    expect(relative(ago(60 * 86_400), 'en')).toBe('Sep 27, 2026');
  });
});
