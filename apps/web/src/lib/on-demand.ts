import { useEffect, useSyncExternalStore } from 'react';

/**
 * Code a page shows only after an interaction (an opened menu, a dialog), kept out of the code a
 * reader downloads before the page is interactive: it loads on first use, or earlier, once the
 * browser is idle after hydration (see `prefetchWhenIdle`), so that opening is still instant.
 */
export interface OnDemand<T> {
  /** Loads the code (once); resolves with it. */
  load: () => Promise<T>;
  /** The code if it has loaded, otherwise null. */
  current: () => T | null;
  subscribe: (listener: () => void) => () => void;
}

const parts: OnDemand<unknown>[] = [];
let prefetching = false;

/** Declares a part loaded on demand; `load` is a dynamic `import()`, so the part is its own chunk. */
export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const part: OnDemand<T> = {
    load: () =>
      (loading ??= load().then(
        (loaded) => {
          value = loaded;
          listeners.forEach((listener) => listener());
          return loaded;
        },
        (error: unknown) => {
          // A failed download (a flaky network) is tried again on the next use.
          loading = null;
          throw error;
        },
      )),
    current: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  parts.push(part);
  // Declared by a page's chunk after the app became idle: fetched at the next idle moment too.
  if (prefetching) whenIdle(() => void part.load().catch(() => undefined));
  return part;
}

/**
 * The part's code once loaded, else null; `wanted` starts loading it. The server, and the
 * hydration of the page it rendered, always see null (the server never loads a part), so the
 * hydrated tree is the server's; the loaded code takes its place right after.
 */
export function useOnDemand<T>(part: OnDemand<T>, wanted = false): T | null {
  const value = useSyncExternalStore(part.subscribe, part.current, () => null);
  useEffect(() => {
    if (wanted && value === null) void part.load().catch(() => undefined);
  }, [part, wanted, value]);
  return value;
}

/** Loads every part declared so far (and those declared later) when the browser is idle. */
export function prefetchWhenIdle(): void {
  if (prefetching) return;
  prefetching = true;
  whenIdle(() => parts.forEach((part) => void part.load().catch(() => undefined)));
}

function whenIdle(run: () => void): void {
  if (typeof window === 'undefined') return;
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 1000);
}
