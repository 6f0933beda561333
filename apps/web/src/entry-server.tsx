import { languageOrEnglish } from '@parvis/domain';
import { ApolloClient, ApolloLink, type OperationVariables } from '@apollo/client';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import { prerenderStatic } from '@apollo/client/react/ssr';
import type { i18n as I18n } from 'i18next';
import { Writable } from 'node:stream';
import type { ReactNode } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { Observable } from 'rxjs';
import { Providers } from './app/Providers';
import { pagesAt, preloadPages, routes } from './app/router';
import { createAppI18n, languageModule } from './app/translations';
import { createCache, withClosedMarks } from './lib/apollo';
import { setDisplayTimeZone } from './lib/format';
import { PAGE_STATE_ELEMENT_ID, PageProvider, type SerializedPage } from './lib/page';

/** One GraphQL operation, as the API executes it in its own process (no HTTP request to itself). */
export interface Operation {
  query: DocumentNode;
  variables: OperationVariables;
  operationName?: string;
}

/** What the server renderer needs once: where the site lives and what the client build produced. */
export interface RendererOptions {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The time zone dates are written in (DEFAULT_TIME_ZONE): the same for every reader of a cached page. */
  timeZone: string;
  /** The client build's manifest (dist/.vite/manifest.json). */
  manifest: Manifest;
}

export interface RenderRequest {
  /** The path and query string of the page. */
  url: string;
  /** fr, en or es, chosen by the API (cookie, then the member's preference, then Accept-Language). */
  language: string;
  /** Executes an operation as the reader of this request (their session's viewer). */
  execute(operation: Operation): Promise<FormattedExecutionResult>;
}

export interface RenderResult {
  status: 200 | 404;
  html: string;
  /**
   * What the page shows, for invalidating it when that changes: the cache ids of the objects it
   * read (`Thread:…`, `Post:…`, `Idea:…`, `User:…`, `Space:…`, a thread of an idea as `Thread:…`)
   * and the lists it read (`Query.threads`, `Query.ideas`…).
   */
  tags: string[];
}

export type Manifest = Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[]; css?: string[]; dynamicImports?: string[] }
>;

export type Renderer = (request: RenderRequest) => Promise<RenderResult>;

/** Builds the server renderer: every page of the app, rendered with the same components as the browser. */
export function createRenderer(options: RendererOptions): Renderer {
  setDisplayTimeZone(options.timeZone);
  const handler = createStaticHandler(routes);
  const translations = new Map<string, I18n>();
  const i18nFor = (language: string) => {
    let i18n = translations.get(language);
    if (!i18n) translations.set(language, (i18n = createAppI18n(language)));
    return i18n;
  };
  const entry = Object.entries(options.manifest).find(
    ([key, chunk]) => chunk.isEntry && key !== LOADER_MODULE,
  );
  const loader = options.manifest[LOADER_MODULE];
  if (!entry || !loader?.isEntry)
    throw new Error('The web build has no entry or no loader in its manifest: build the web app again.');

  return async (request) => {
    const { url, language } = request;
    const i18n = i18nFor(language);
    const client = new ApolloClient({
      ssrMode: true,
      link: inProcessLink((operation) => request.execute(operation)),
      cache: createCache(),
      // As in the browser: the cache it hands over must hold what the browser's queries ask.
      documentTransform: withClosedMarks,
    });
    const context = await handler.query(new Request(new URL(url, options.publicUrl)));
    if (context instanceof Response) throw new Error(`Unexpected redirect while rendering ${url}`);
    const router = createStaticRouter(handler.dataRoutes, context);
    const pathname = new URL(url, options.publicUrl).pathname;
    await preloadPages(pathname);

    let notFound = false;
    const renderedAt = new Date().toISOString();
    const tree = (notFoundPath: string | null) => (
      <PageProvider
        value={{
          publicUrl: options.publicUrl,
          notFoundPath,
          reportNotFound: () => (notFound = true),
          renderedAt,
        }}
      >
        <Providers client={client} i18n={i18n}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </Providers>
      </PageProvider>
    );
    // Renders until every query the page's components run has its answer in the cache.
    await prerenderStatic({ tree: tree(null), context: { client }, renderFunction: renderToString });

    const apollo = client.extract() as Record<string, unknown>;
    const state: SerializedPage = {
      apollo,
      publicUrl: options.publicUrl,
      notFoundPath: notFound ? pathname : null,
      timeZone: options.timeZone,
      renderedAt,
    };
    const assets = assetsOf(options.manifest, entry[0], loader.file, [
      ...pagesAt(pathname).map((page) => page.module),
      languageModule(languageOrEnglish(language)),
    ]);
    const html = await stream(
      <Document language={i18n.resolvedLanguage ?? language} state={state} assets={assets}>
        {tree(state.notFoundPath)}
      </Document>,
    );
    return { status: notFound ? 404 : 200, html, tags: tagsOf(apollo) };
  };
}

/** Apollo's link on the server: each operation executed by the API in-process. */
function inProcessLink(execute: RenderRequest['execute']): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<FormattedExecutionResult>((observer) => {
        execute({
          query: operation.query,
          variables: operation.variables,
          operationName: operation.operationName,
        }).then(
          (result) => {
            observer.next(result);
            observer.complete();
          },
          (error: unknown) => observer.error(error),
        );
      }),
  );
}

/**
 * Streams the page with React's streaming renderer, once everything is ready (the data is
 * already in the cache): a page that is complete without any inline script, which a strict
 * Content-Security-Policy (`script-src 'self'`) allows.
 */
function stream(element: ReactNode): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        done();
      },
    });
    sink.on('finish', () => resolve(Buffer.concat(chunks).toString('utf8')));
    sink.on('error', reject);
    const { pipe } = renderToPipeableStream(element, {
      // Every boundary written in place, however big: React would otherwise move large ones to
      // the end of the document, behind an inline script.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onAllReady: () => pipe(sink),
      onShellError: reject,
      onError: (error) => {
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    });
  });
}

/** The module that starts the app once the page has painted (src/loader.ts, its own build entry). */
const LOADER_MODULE = 'src/loader.ts';

interface Assets {
  /** The loader's file: the only script the HTML starts. */
  loader: string;
  /** The app's entry, which the loader imports. */
  script: string;
  styles: string[];
  /** The chunks the entry and the page's modules import, which the loader preloads with it. */
  preloads: string[];
}

/** The entry's script and styles, and every chunk the page's own modules need, to preload. */
function assetsOf(manifest: Manifest, entryKey: string, loaderFile: string, pageModules: string[]): Assets {
  const styles = new Set<string>();
  const preloads = new Set<string>();
  const visit = (key: string, preload: boolean) => {
    const chunk = manifest[key];
    if (!chunk) return;
    if (preload) {
      if (preloads.has(chunk.file)) return;
      preloads.add(chunk.file);
    }
    chunk.css?.forEach((css) => styles.add(css));
    chunk.imports?.forEach((imported) => visit(imported, true));
  };
  visit(entryKey, false);
  pageModules.forEach((module) => visit(module, true));
  const script = manifest[entryKey].file;
  preloads.delete(script);
  return {
    loader: `/${loaderFile}`,
    script: `/${script}`,
    styles: [...styles].map((file) => `/${file}`),
    preloads: [...preloads].map((file) => `/${file}`),
  };
}

/** The tags of a page from the cache it was rendered from (see RenderResult.tags). */
function tagsOf(apollo: Record<string, unknown>): string[] {
  const tags = new Set<string>();
  for (const [key, value] of Object.entries(apollo)) {
    if (key === 'ROOT_QUERY') {
      for (const field of Object.keys(value as object)) tags.add(`Query.${field.replace(/[(:].*$/, '')}`);
    } else if (key !== 'ROOT_MUTATION' && key !== 'ROOT_SUBSCRIPTION') {
      tags.add(key);
      const threadId = (value as { threadId?: unknown }).threadId;
      if (typeof threadId === 'string') tags.add(`Thread:${threadId}`);
    }
  }
  return [...tags];
}

/** The whole document, rendered by React so that each page's <title> and <meta> land in <head>. */
function Document({
  language,
  state,
  assets,
  children,
}: {
  language: string;
  state: SerializedPage;
  assets: Assets;
  children: ReactNode;
}) {
  // JSON in a non-executable script element: "<" escaped so no text can close the element.
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* As in index.html: the app's icons, manifest and colour. */}
        <meta name="theme-color" content="#1f4fd1" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <link rel="manifest" href="/manifest.webmanifest" />
        {/* `precedence` makes React emit the stylesheet right after the meta tags: the page
            paints as soon as its CSS is in. */}
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} precedence="default" />
        ))}
      </head>
      <body>
        <div id="root">{children}</div>
        <script
          type="application/json"
          id={PAGE_STATE_ELEMENT_ID}
          dangerouslySetInnerHTML={{ __html: json }}
        />
        {/* The page is readable from its HTML and CSS alone: the only script it starts is a small
            loader, which fetches the app's code (the entry and its chunks) once the page has
            painted. Named in the head (modulepreload, or the entry's script), that code would be
            fetched with the HTML and share a slow phone network with the stylesheet. */}
        <script
          type="module"
          src={assets.loader}
          data-entry={assets.script}
          data-preloads={assets.preloads.join(' ')}
        />
      </body>
    </html>
  );
}
