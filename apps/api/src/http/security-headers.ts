import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Browser features Parvis never uses: no page of it (or anything injected into one) may ask for them. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** HSTS, when on: two years, subdomains included (what browsers' preload lists expect). */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

export interface SecurityHeadersOptions {
  /** Sent over HTTPS (COOKIE_SECURE or production): browsers are told to come back over HTTPS only (HSTS). */
  https: boolean;
}

/**
 * The headers every response carries (pages, files, GraphQL, health, errors). The content
 * security policy lets a page run only the app's own files: no inline or injected script, no
 * plugin, no framing by another site (so the moderators' screens cannot be clickjacked), no
 * `<base>` rewriting links, requests only to this origin (GraphQL over HTTP and its WebSocket).
 * Markdown is sanitized on the server; this is the second line behind it.
 *
 * No page needs an inline script, so there is no nonce: server-rendered state is put in
 * `<script type="application/json">` and structured data in `application/ld+json`, which are
 * data, not scripts (and a page cached for several readers could not carry a per-response nonce).
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The sanitizer keeps one inline style, text alignment in Markdown tables: attributes
        // only, never a <style> element.
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        // Icons may be inlined by the bundler as data: URIs. Images in posts are this site's
        // (uploads, or remote images fetched through the app so readers' addresses do not leak).
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", WEB_SOCKET_ORIGINS],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
  });
  // Every value is the same for every response but the WebSocket origins of the policy, which
  // name the request's host: helmet's headers are written down once here, and each response only
  // copies them (helmet would run a dozen middlewares and build the policy again, per request).
  const written = headersOf(headers as RequestHandler);
  written.push(['Permissions-Policy', PERMISSIONS_POLICY]);
  const policy = written.find(([name]) => name === 'Content-Security-Policy')![1];
  const [policyBefore, policyAfter] = policy.split(WEB_SOCKET_ORIGINS);
  const constant = written.filter(([name]) => name !== 'Content-Security-Policy');
  // One host almost always (the site's own): its policy is kept, not built again.
  let lastHost: string | null = null;
  let lastPolicy = '';
  const apply: RequestHandler = (req, res, next) => {
    for (const [name, value] of constant) res.setHeader(name, value);
    const host = req.headers.host ?? '';
    if (host !== lastHost) {
      lastPolicy = policyBefore + webSocketOrigins(host) + policyAfter;
      lastHost = host;
    }
    res.setHeader('Content-Security-Policy', lastPolicy);
    next();
  };
  return [apply];
}

/** Where the policy names the request's WebSocket origins (replaced per host, see above). */
const WEB_SOCKET_ORIGINS = 'parvis-web-socket-origins.invalid';

/** The headers a helmet middleware sets, in order, read by running it once on a response that records them. */
function headersOf(middleware: RequestHandler): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  const failures: Error[] = [];
  middleware({ headers: {} } as never, response as never, (error?: unknown) => {
    if (error instanceof Error) failures.push(error);
  });
  if (failures.length > 0) throw failures[0];
  return headers;
}

/**
 * Live pages open a WebSocket to `/graphql` on the page's own host. CSP level 3 counts ws(s): of
 * the same host as 'self', older browsers do not: name it (both schemes: behind a proxy ending
 * TLS, this process may not know which one the page used). A Host header that is not a plain
 * host[:port] (it comes from the client) names nothing.
 */
function webSocketOrigins(host: string): string {
  if (!/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return "'self'";
  return `ws://${host} wss://${host}`;
}
