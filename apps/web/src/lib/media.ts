import { useSyncExternalStore } from 'react';

/** Below this width the header folds the spaces and the moderation link into its one menu. */
export const NARROW_SCREEN = '(max-width: 55.99rem)';

/**
 * Whether a media query matches. The server (and the hydration of its page) assumes it does not:
 * use it only for what is rendered after an interaction (an opened menu), never for the page's
 * first render, which CSS lays out instead.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : false),
    () => false,
  );
}
