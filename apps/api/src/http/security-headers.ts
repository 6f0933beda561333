import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';

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
        connectSrc: ["'self'", webSocketOrigins],
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
  const permissions: RequestHandler = (_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  };
  return [headers as RequestHandler, permissions];
}

/**
 * Live pages open a WebSocket to `/graphql` on the page's own host. CSP level 3 counts ws(s): of
 * the same host as 'self', older browsers do not: name it (both schemes: behind a proxy ending
 * TLS, this process may not know which one the page used). A Host header that is not a plain
 * host[:port] (it comes from the client) names nothing.
 */
function webSocketOrigins(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  if (!/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return "'self'";
  return `ws://${host} wss://${host}`;
}
