import { useLocation } from 'react-router';

/**
 * Where to go back to after signing in or up: a path of this site only. Anything that could
 * leave it (`//evil.com`, `https://…`, `javascript:`, a backslash some browsers read as a slash)
 * is refused, as are the sign-in and sign-up pages themselves (no loop).
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // Backslashes and control characters (tab, newline) are what URL parsers disagree on.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://parvis.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (url.pathname === '/sign-in' || url.pathname === '/sign-up') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The address of a sign-in or sign-up page that brings the person back to `from` afterwards. */
export function withReturnTo(page: '/sign-in' | '/sign-up', from: string | null | undefined): string {
  const path = safeReturnPath(from);
  return path && path !== '/' ? `${page}?returnTo=${encodeURIComponent(path)}` : page;
}

/** The sign-in (or sign-up) address that brings the reader back to this page, at `hash` if given. */
export function useReturnLink(page: '/sign-in' | '/sign-up' = '/sign-in', hash?: string): string {
  const location = useLocation();
  return withReturnTo(page, `${location.pathname}${location.search}${hash ?? location.hash}`);
}
