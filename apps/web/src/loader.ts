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
const element = document.querySelector<HTMLScriptElement>('script[data-entry]');

if (element?.dataset.entry) {
  const entry = element.dataset.entry;
  const preloads = (element.dataset.preloads ?? '').split(' ').filter(Boolean);
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
 * Runs `start` once the page's first frame is painted: an animation frame runs just before a
 * paint, a task queued from it runs after that paint. A tab opened in the background paints
 * nothing (and runs no animation frame) until shown, so there it starts at once.
 */
function afterPaint(start: () => void): void {
  if (document.visibilityState === 'hidden') {
    start();
    return;
  }
  requestAnimationFrame(() => setTimeout(start, 0));
}
