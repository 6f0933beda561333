import { safeReturnPath } from './return-path';

describe('where sign-in, sign-up and e-mail confirmation return to', () => {
  it('keeps a path of this site, with its query and anchor', () => {
    expect(safeReturnPath('/t/42')).toBe('/t/42');
    expect(safeReturnPath('/s/help?status=OPEN#reply')).toBe('/s/help?status=OPEN#reply');
  });

  it.each([
    ['another site, protocol-relative', '//evil.com/t/1'],
    ['another site, absolute', 'https://evil.com/'],
    ['a script', 'javascript:alert(1)'],
    ['a backslash read as a slash', '/\\evil.com'],
    ['a tab inside the host', '/\t/evil.com'],
    ['a relative path', 't/42'],
    ['nothing', ''],
    ['the sign-in page itself', '/sign-in?returnTo=%2Ft%2F1'],
    ['the sign-up page', '/sign-up'],
  ])('refuses %s', (_case, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
