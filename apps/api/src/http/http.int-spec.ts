import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, useTestApp } from '../testing/test-app';

/**
 * A web build of our own (the real one may not be built when the API tests run): an HTML page,
 * a hashed bundle, an icon and a manifest, each large enough to be worth compressing.
 */
const webDist = mkdtempSync(join(tmpdir(), 'parvis-web-dist-'));
afterAll(() => rmSync(webDist, { recursive: true, force: true }));
const BUNDLE = `console.log(${JSON.stringify('Parvis '.repeat(600))});\n`;
const INDEX_HTML = `<!doctype html><html lang="en"><head><title>Parvis</title>
<script type="module" src="/assets/index-AbCd1234.js"></script></head>
<body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
writeFileSync(join(webDist, 'assets', 'index-AbCd1234.js'), BUNDLE);
writeFileSync(
  join(webDist, 'favicon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(2000)}</svg>`,
);

const test = useTestApp({ WEB_DIST: webDist });

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent (still compressed if they were). */
  raw: Buffer;
  /** The body, decompressed. */
  text: string;
}

/** One HTTP exchange with full control of the headers (fetch would decompress and hide it). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${test.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain =
          encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: plain.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const graphql = (query: string, headers: Record<string, string> = {}) =>
  send('POST', '/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query }));

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  const routes: [string, () => Promise<RawResponse>][] = [
    ['the home page', () => send('GET', '/', { accept: 'text/html' })],
    ['an app route', () => send('GET', '/t/00000000-0000-4000-8000-000000000000', { accept: 'text/html' })],
    ['the GraphQL API', () => graphql('{ __typename }')],
    ['the health check', () => send('GET', '/health')],
    ['a static file', () => send('GET', '/assets/index-AbCd1234.js')],
  ];

  it.each(routes)('%s carries a strict content security policy and the other protections', async (_, get) => {
    const res = await get();
    expect(res.status).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Scripts from this origin only: nothing inline, nothing injected, no eval.
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const host = new URL(test.url).host;
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain HTTP (COOKIE_SECURE off): no HSTS, which would lock a local install out.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it("names each request's own host as its WebSocket origin, and none for a Host that is not a plain host", async () => {
    const connectSrc = async (host: string) =>
      directives((await send('GET', '/health', { host })).headers['content-security-policy']).get(
        'connect-src',
      );
    expect(await connectSrc('forum.example.org')).toEqual([
      "'self'",
      'ws://forum.example.org',
      'wss://forum.example.org',
    ]);
    expect(await connectSrc('forum.example.org')).toEqual([
      "'self'",
      'ws://forum.example.org',
      'wss://forum.example.org',
    ]);
    expect(await connectSrc('evil.example"; script-src *')).toEqual(["'self'", "'self'"]);
    expect(await connectSrc('[::1]:8080')).toEqual(["'self'", 'ws://[::1]:8080', 'wss://[::1]:8080']);
  });

  it('sends HSTS and upgrades insecure requests when served over HTTPS (COOKIE_SECURE)', async () => {
    const secure = await startTestApp({ WEB_DIST: webDist, COOKIE_SECURE: 'true' });
    try {
      const res = await fetch(`${secure.url}/health`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(
        true,
      );
    } finally {
      await secure.close();
    }
  });
});

describe('honest HTTP errors', () => {
  it('answers a body over the limit with 413 and a GraphQL error', async () => {
    const res = await send(
      'POST',
      '/graphql',
      { 'content-type': 'application/json' },
      JSON.stringify({ query: `{ __typename }`, variables: { filler: 'x'.repeat(150 * 1024) } }),
    );
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({
      errors: [
        {
          message: 'The request is too large: at most 100 kB are accepted.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 102400 },
        },
      ],
    });
  });

  it('answers a body that is not JSON with 400 and a GraphQL error', async () => {
    const res = await send(
      'POST',
      '/graphql',
      { 'content-type': 'application/json' },
      '{"query": "{ me { id }',
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('still accepts a body just under the limit', async () => {
    const res = await send(
      'POST',
      '/graphql',
      { 'content-type': 'application/json' },
      JSON.stringify({ query: `{ __typename }`, variables: { filler: 'x'.repeat(90 * 1024) } }),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('sends a GraphQL answer without an ETag: nothing revalidates a POST, and hashing each answer costs', async () => {
    const res = await graphql('{ __typename }');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('compression', () => {
  it.each([
    ['br', 'the HTML page', () => send('GET', '/', { 'accept-encoding': 'br, gzip' }), INDEX_HTML],
    ['gzip', 'the HTML page', () => send('GET', '/', { 'accept-encoding': 'gzip' }), INDEX_HTML],
    [
      'br',
      'the JavaScript bundle',
      () => send('GET', '/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip, deflate, br' }),
      BUNDLE,
    ],
    [
      'gzip',
      'the JavaScript bundle',
      () => send('GET', '/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip' }),
      BUNDLE,
    ],
  ])('sends %s for %s', async (encoding, _, get, plain) => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.raw.length).toBeLessThan(plain.length / 2);
    expect(res.text).toBe(plain);
  });

  it.each(['br', 'gzip'])('sends %s for a GraphQL answer', async (encoding) => {
    const res = await graphql('{ __schema { types { name description } } }', { 'accept-encoding': encoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    const answer = JSON.parse(res.text) as { data: { __schema: { types: unknown[] } } };
    expect(answer.data.__schema.types.length).toBeGreaterThan(50);
    expect(res.raw.length).toBeLessThan(res.text.length / 2);
  });

  it('sends the bytes as they are to a client that accepts no compression', async () => {
    const res = await send('GET', '/assets/index-AbCd1234.js', { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(BUNDLE);
  });
});

describe('caching', () => {
  it('caches a hashed asset for a year as immutable', async () => {
    const res = await send('GET', '/assets/index-AbCd1234.js');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('has the browser ask again for HTML, and answers 304 while it is unchanged', async () => {
    const first = await send('GET', '/s/help', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await send('GET', '/s/help', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // The same page asked for by any route: one file, one validator.
    const home = await send('GET', '/', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(home.status).toBe(304);
  });

  it('keeps other files for a short while, with a validator', async () => {
    const res = await send('GET', '/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['content-type']).toBe('image/svg+xml');
    const again = await send('GET', '/favicon.svg', { 'if-none-match': res.headers.etag as string });
    expect(again.status).toBe(304);
  });

  it('answers a missing file with 404, not with the app page', async () => {
    const res = await send('GET', '/assets/index-Gone1234.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });

  it('never serves a file from outside the build', async () => {
    const res = await send('GET', '/assets/..%2f..%2f..%2fetc%2fpasswd.txt');
    expect(res.status).toBe(404);
  });
});

describe('the app page', () => {
  it('answers every route of the app that no API route answers, and only those', async () => {
    for (const path of ['/', '/t/00000000-0000-4000-8000-000000000000', '/s/help/new', '/u/someone']) {
      const res = await send('GET', path, { accept: 'text/html' });
      expect([path, res.status, res.text]).toEqual([path, 200, INDEX_HTML]);
    }
    // A GET route of the API, whichever module registers it, comes first.
    const unsubscribe = await send('GET', '/mail/unsubscribe?token=abc', { accept: 'text/html' });
    expect(unsubscribe.status).toBe(303);
    const health = await send('GET', '/health', { accept: 'text/html' });
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });
    // Other methods are not pages.
    expect((await send('POST', '/t/1', { 'content-type': 'application/json' }, '{}')).status).toBe(404);
  });
});

describe('health', () => {
  it('is live while the process answers, and ready when the database holds every migration', async () => {
    const live = await send('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toEqual({ status: 'ok' });
    const ready = await send('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
    expect(ready.headers['cache-control']).toBe('no-store');
    const health = await send('GET', '/health');
    // One API process in a test: worker 0 (npm start names each of its processes).
    expect(JSON.parse(health.text)).toEqual({
      status: 'ok',
      database: 'ok',
      worker: 0,
      databaseRole: 'runtime',
      liveSubscriptions: 0,
    });
  });
});
