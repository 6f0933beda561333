/**
 * The one script a server-rendered page starts with (see `Document` in entry-server.tsx): the page
 * is readable from its HTML and CSS alone, so the app's code (React, Apollo, the page's chunks)
 * is fetched only once the browser has painted it. Fetched with the HTML, that code would share a
 * slow phone network with the stylesheet and hold the largest paint back by its whole download.
 *
 * Its element names what to load: `data-entry`, the app's entry module, and `data-preloads`,
 * the chunks the entry and the page need (space-separated), fetched side by side instead of one
 * import after another. This file imports nothing: it must stay one small request.
 */

/** How long after its first frame a page that reported no contentful paint waits to start anyway. */
const FALLBACK_AFTER_FRAME_MS = 300;

const element = document.querySelector<HTMLScriptElement>('script[data-entry]');

/** What main.tsx dispatches on the document as it starts hydrating (from then on, React replays presses). */
const HYDRATING_EVENT = 'parvis:hydrating';

if (element?.dataset.entry) {
  const entry = element.dataset.entry;
  const preloads = (element.dataset.preloads ?? '').split(' ').filter(Boolean);
  replayEarlyPress();
  afterPaint(() => {
    for (const href of preloads) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
    void import(/* @vite-ignore */ entry);
  });
}

/**
 * Runs `start` once the browser has reported the page's first contentful paint (the moment it
 * showed the frame, which comes after the frame's own work on the main thread: a task queued from
 * an animation frame may still run before it). A tab opened in the background paints nothing until
 * shown, so there it starts at once; a page with nothing contentful to paint (a skeleton) starts a
 * little after its first frame, and so does a browser that reports no paint.
 */
function afterPaint(start: () => void): void {
  if (document.visibilityState === 'hidden') {
    start();
    return;
  }
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    start();
  };
  let observer: PerformanceObserver | null = null;
  // A browser without paint timing (or without PerformanceObserver) starts after its first frame.
  if (
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('paint')
  ) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) setTimeout(once, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  requestAnimationFrame(() => setTimeout(once, observer ? FALLBACK_AFTER_FRAME_MS : 0));
}

/**
 * Until the app's code has arrived, the page's buttons are HTML without their handlers: the last
 * button pressed meanwhile (a menu's, the language's…) is pressed again once the app is ready
 * (`<html data-app-ready>`), as the reader meant. Only plain buttons: links and a form's submit
 * button work without the app. Once hydration has begun, React replays presses itself.
 */
function replayEarlyPress(): void {
  let pressed: HTMLButtonElement | null = null;
  const remember = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest<HTMLButtonElement>('button[type="button"]');
    if (button && !button.disabled) pressed = button;
  };
  document.addEventListener('click', remember, true);
  document.addEventListener(HYDRATING_EVENT, () => document.removeEventListener('click', remember, true), {
    once: true,
  });
  const ready = new MutationObserver(() => {
    if (!document.documentElement.hasAttribute('data-app-ready')) return;
    ready.disconnect();
    document.removeEventListener('click', remember, true);
    if (pressed?.isConnected) pressed.click();
    pressed = null;
  });
  ready.observe(document.documentElement, { attributes: true, attributeFilter: ['data-app-ready'] });
}
