// Every runtime both apps run on (browsers, Node) has URL; the library's compiler options name none.
declare const URL: new (
  input: string,
  base: string,
) => { origin: string; pathname: string; search: string; hash: string };

/**
 * Where to go back to after signing in or up, or after confirming an e-mail address: a path of
 * this site only. Anything that could leave it (`//evil.com`, `https://…`, `javascript:`, a
 * backslash some browsers read as a slash) is refused, as are the sign-in and sign-up pages
 * themselves (no loop). The one rule: the web app applies it to `returnTo` wherever it reads one,
 * the API before it puts one in a confirmation link.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // Backslashes and control characters (tab, newline) are what URL parsers disagree on.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://parvis.invalid';
  let url: { origin: string; pathname: string; search: string; hash: string };
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (url.pathname === '/sign-in' || url.pathname === '/sign-up') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
