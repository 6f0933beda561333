import { withReturnTo } from './return-to';

describe('where sign-in returns to', () => {
  it('writes the sign-in address with the page to come back to, and nothing for home', () => {
    expect(withReturnTo('/sign-in', '/t/42#reply')).toBe('/sign-in?returnTo=%2Ft%2F42%23reply');
    expect(withReturnTo('/sign-up', '/')).toBe('/sign-up');
    expect(withReturnTo('/sign-in', 'https://evil.com')).toBe('/sign-in');
  });
});
