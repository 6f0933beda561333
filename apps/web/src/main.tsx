import { StrictMode, startTransition, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './app/Providers';
import { preloadPages, routes } from './app/router';
import { createApolloClient } from './lib/apollo';
import { setDisplayTimeZone } from './lib/format';
import { prefetchWhenIdle } from './lib/on-demand';
import { PAGE_STATE_ELEMENT_ID, PageProvider, type PageState, type SerializedPage } from './lib/page';
import { createBrowserI18n } from './app/browser-i18n';
import './styles.css';

/**
 * A page the server rendered is hydrated: the same components, over the cache the server rendered
 * them from (no request is sent again), in the language and time zone it was written in, once the
 * code of the page shown is loaded. This module is imported by the page's loader (src/loader.ts)
 * after the page has painted, its chunks preloaded beside it. Without server rendering (the Vite
 * dev server, the build's index.html), the app renders from scratch.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root')!;
  const stateElement = document.getElementById(PAGE_STATE_ELEMENT_ID);
  if (!stateElement) {
    // The Vite dev server: no page language to start from, so every language, in the reader's.
    const { createAppI18n } = await import('./app/translations');
    const page: PageState = { publicUrl: window.location.origin, notFoundPath: null };
    createRoot(container).render(app(createApolloClient(), createAppI18n(), page));
    prefetchWhenIdle();
    return;
  }
  const state = JSON.parse(stateElement.textContent ?? '{}') as SerializedPage;
  const client = createApolloClient();
  client.cache.restore(state.apollo);
  // While hydrating, every query answers from the restored cache, even those that ask the network
  // first (the bell): the first render must be the server's. Afterwards the network counts again.
  client.prioritizeCacheValues = true;
  setDisplayTimeZone(state.timeZone);
  const [i18n] = await Promise.all([
    createBrowserI18n(document.documentElement.lang),
    preloadPages(window.location.pathname),
  ]);
  const page: PageState = {
    publicUrl: state.publicUrl,
    notFoundPath: state.notFoundPath,
    renderedAt: state.renderedAt,
  };
  // From now on React replays a press on the page itself; until now the loader kept it (loader.ts).
  document.dispatchEvent(new Event('parvis:hydrating'));
  // As a transition, hydration yields to the browser between components instead of holding the
  // main thread for the whole page: a phone can scroll and paint while it runs.
  startTransition(() => {
    hydrateRoot(container, app(client, i18n, page, <Hydrated onHydrated={() => hydrated(client)} />));
  });
}

/**
 * Once the page is hydrated: queries may ask the network again, and the code of what opens on
 * demand (menus, dialogs) is fetched when the browser is next idle, so that opening is instant.
 */
function hydrated(client: ReturnType<typeof createApolloClient>): void {
  client.prioritizeCacheValues = false;
  prefetchWhenIdle();
}

/**
 * Marks the document once the app has rendered or hydrated (`<html data-app-ready>`): until then a
 * server-rendered button does nothing, so browser tests (and any script driving the page) wait
 * for the mark before acting.
 */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset.appReady = '';
  }, []);
  return null;
}

function app(
  client: ReturnType<typeof createApolloClient>,
  i18n: Awaited<ReturnType<typeof createBrowserI18n>>,
  page: PageState,
  extra?: ReactNode,
) {
  return (
    <StrictMode>
      <PageProvider value={page}>
        <Providers client={client} i18n={i18n}>
          <RouterProvider router={createBrowserRouter(routes)} />
          {extra}
          <AppReady />
        </Providers>
      </PageProvider>
    </StrictMode>
  );
}

/** Calls `onHydrated` once the page is hydrated (effects run after the hydration's commit). */
function Hydrated({ onHydrated }: { onHydrated: () => void }) {
  useEffect(onHydrated, [onHydrated]);
  return null;
}

void start();
