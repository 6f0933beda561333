import { useSyncExternalStore } from 'react';
import { usePage } from './page';

/**
 * "Now", for relative times ("3 h ago"). A server-rendered page is written relative to the time
 * it was rendered (carried in its state), and the browser hydrates it with that same time, so both
 * write the same text; then the browser moves on to its own clock, ticking every half minute.
 */
const TICK_MS = 30_000;
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      listeners.forEach((notify) => notify());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  const { renderedAt } = usePage();
  const rendered = renderedAt ? Date.parse(renderedAt) : Number.NaN;
  return useSyncExternalStore(
    subscribe,
    () => current,
    // The server's render and the hydration: the time the page was rendered.
    () => (Number.isNaN(rendered) ? current : rendered),
  );
}
