import { useEffect, useRef } from 'react';

/**
 * Calls `onVisible` each time the element the returned ref is put on scrolls into view (with a
 * margin, so the next replies are there before the reader reaches the end), while `enabled`.
 * Without IntersectionObserver (an old browser) nothing happens: the page keeps its button.
 */
export function useWhenVisible<T extends Element>(onVisible: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
