import { safeReturnPath } from '@parvis/domain';
import { useLocation } from 'react-router';

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
