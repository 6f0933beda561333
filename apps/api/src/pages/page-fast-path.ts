import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '../identity/session-cookie';
import { CachedPage, PageCache } from './page-cache';
import { pageLanguage } from './page-renderer';

/** Paths that are not pages: the API's own endpoints, and files (served, or missing, elsewhere). */
export const NOT_PAGES = /^\/(graphql|health|mail)(\/|$)|\.[a-z0-9]+$/i;

/** Headers of a sent page that belong to that one response, not to the page. */
const OWN_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'content-type',
  'cache-control',
  'etag',
  'vary',
  'x-page-cache',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
]);

/** The headers of a page's response worth sending again with its cached copy. */
export function replayableHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!OWN_HEADERS.has(name.toLowerCase()) && (typeof value === 'string' || typeof value === 'number')) {
      kept[name] = String(value);
    }
  }
  return kept;
}

/**
 * Signed-out readers' cached pages, answered by the HTTP server itself before Express and Nest
 * see the request: most of a public community's traffic is readers arriving from a search engine,
 * and a cached page then costs about what a bare Node server answering the same bytes costs
 * (tools/bench/pages-bench.mjs). Only a request without a session cookie, for a page already sent
 * once through the whole pipeline (whose headers it replays), is answered here; anything else goes
 * on to the application, as does every request when the cache is off.
 */
export function installFastPath(server: Server, cache: PageCache): void {
  const application = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const page = cachedPage(req, cache);
    if (!page) {
      for (const listener of application) listener.call(server, req, res);
      return;
    }
    sendCached(req, res, page);
  });
}

function cachedPage(req: IncomingMessage, cache: PageCache): CachedPage | undefined {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url || !cache.enabled) return undefined;
  const cookie = req.headers.cookie ?? '';
  if (cookie.includes(`${SESSION_COOKIE}=`)) return undefined;
  const query = req.url.indexOf('?');
  if (NOT_PAGES.test(query === -1 ? req.url : req.url.slice(0, query))) return undefined;
  const chosen = /(?:^|;\s*)parvis_language=([a-zA-Z-]+)/.exec(cookie)?.[1];
  const page = cache.get(PageCache.key(req.url, pageLanguage(chosen, null, req.headers['accept-language'])));
  return page?.headers ? page : undefined;
}

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const headers: Record<string, string | number> = {
    ...page.headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    Vary: 'Cookie, Accept-Language, Accept-Encoding',
    ETag: page.etag,
    'X-Page-Cache': 'hit',
  };
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepted = req.headers['accept-encoding'] ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  const body = encoding ? encoded(page, encoding) : page.body;
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = body.length;
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The page compressed once, then kept with it for every reader whose browser accepts that encoding. */
function encoded(page: CachedPage, encoding: 'br' | 'gzip'): Buffer {
  page.encoded ??= {};
  return (page.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipSync(page.body, { level: 9 }));
}
