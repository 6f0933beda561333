import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The content types of the files a web build holds. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};

/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml|image\/x-icon)/;

/** Below this, compression costs more than it saves (a header's worth of bytes). */
const COMPRESS_FROM_BYTES = 1024;

/** Files larger than this are streamed as they are instead of being held in memory. */
const MEMORY_LIMIT_BYTES = 4 * 1024 * 1024;

/** A name the bundler gave a content hash (`index-wn3Tu98Q.js`): its bytes never change. */
const HASHED_ASSET = /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Icons, manifest: an hour, then asked again with the validator (a 304 when unchanged). */
export const CACHE_SHORT = 'public, max-age=3600';
/** HTML: always asked again (a 304 when unchanged), so a new deployment is seen at once. */
export const CACHE_HTML = 'no-cache';

type Encoding = 'br' | 'gzip';

export interface Entry {
  body: Buffer;
  type: string;
  etag: string;
  mtimeMs: number;
  size: number;
  immutable: boolean;
  /** Compressed copies, made once on first demand. */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/**
 * The built web app's files, read once into memory (a hashed asset is never looked at on disk
 * again; another file is reread when its size or time changes).
 */
export class WebFiles {
  private readonly root: string;
  private readonly entries = new Map<string, Promise<Entry | null>>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file at the URL path `path` (`/assets/x.js`), or null when the build has none. */
  async entry(path: string): Promise<Entry | null> {
    const known = this.entries.get(path);
    const previous = known ? await known : null;
    if (previous?.immutable) return previous;
    const loading = this.load(path, previous);
    this.entries.set(path, loading);
    const entry = await loading.catch((error: unknown) => {
      this.entries.delete(path);
      throw error;
    });
    if (!entry) this.entries.delete(path);
    return entry;
  }

  private async load(path: string, previous: Entry | null): Promise<Entry | null> {
    const file = resolve(this.root, `.${path}`);
    if (!file.startsWith(this.root + sep)) return null;
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile() || stat.size > MEMORY_LIMIT_BYTES) return null;
    if (previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) return previous;
    const body = await fs.readFile(file);
    return {
      body,
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      immutable: HASHED_ASSET.test(path),
      encoded: {},
    };
  }
}

/**
 * Serves the built web app's files with the right cache policy: hashed `/assets/*` cached for a
 * year as immutable, HTML `no-cache`, the rest for an hour, each with a strong ETag (304 when it
 * matches) and, for text, a compressed copy made once per file (brotli, else gzip) rather than
 * per request.
 *
 * Only paths naming a file are looked at (`/t/123` and `/` fall through at once): pages are
 * answered by the HTML handler that comes after this one, like anything not in the build.
 */
export function staticFiles(files: WebFiles): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    // Routes of the app (`/t/123`, `/`) have no extension: they are pages, not files.
    if (!/\.[a-z0-9]+$/i.test(path) || path.includes('\0')) return next();
    files
      .entry(path)
      .then((entry) => (entry ? send(req, res, entry) : next()))
      .catch(next);
  };
}

/** Sends one file (or 304), compressed when the client accepts it and it is worth it. */
export async function send(req: Request, res: Response, entry: Entry): Promise<void> {
  const compressible = COMPRESSIBLE.test(entry.type) && entry.body.length >= COMPRESS_FROM_BYTES;
  const encoding = compressible ? preferredEncoding(req) : false;
  const etag = `"${entry.etag}${encoding ? `-${encoding}` : ''}"`;

  res.setHeader(
    'Cache-Control',
    entry.immutable ? CACHE_IMMUTABLE : entry.type.startsWith('text/html') ? CACHE_HTML : CACHE_SHORT,
  );
  if (compressible) res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (matches(req.headers['if-none-match'], entry.etag)) {
    res.status(304).end();
    return;
  }
  const body = encoding ? await encoded(entry, encoding) : entry.body;
  res.status(200);
  res.setHeader('Content-Type', entry.type);
  res.setHeader('Content-Length', body.length);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Brotli whenever the client takes it (browsers list it after gzip, but it is smaller), else gzip.
 * The list `acceptsEncodings()` returns already leaves out what the client refuses (q=0).
 */
function preferredEncoding(req: Request): Encoding | false {
  const accepted = req.acceptsEncodings();
  if (accepted.includes('br') || accepted.includes('*')) return 'br';
  return accepted.includes('gzip') ? 'gzip' : false;
}

/** If-None-Match names this file, in any of its encodings (or `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '') === etag;
  });
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function encoded(entry: Entry, encoding: Encoding): Promise<Buffer> {
  return (entry.encoded[encoding] ??=
    encoding === 'br'
      ? brotli(entry.body, {
          params: {
            // Quality 9: within a few per cent of the maximum (11) for a twentieth of its time
            // (0.13 s against 2.5 s for the 900 kB bundle), made once, off the event loop.
            [zlib.BROTLI_PARAM_QUALITY]: 9,
            [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
          },
        })
      : gzipped(entry.body, { level: 9 }));
}
