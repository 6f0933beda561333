/** A rendered page kept for signed-out readers. */
export interface CachedPage {
  html: string;
  /** The HTML as sent (UTF-8), encoded once. */
  body: Buffer;
  etag: string;
  status: number;
  /** What the page shows (see the renderer's tags): a change to any of them drops the page. */
  tags: string[];
  storedAt: number;
  /**
   * The headers the whole pipeline gave this page when it was last sent (security headers and
   * the like, never a cookie): the fast path sends them with it. Unset until it was sent once.
   */
  headers?: Record<string, string>;
  /** The body compressed, made once when first asked for. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
}

/**
 * The rendered HTML of public pages for signed-out readers, keyed by URL and language, bounded in
 * bytes (least recently used pages go first). Each page is tagged with what it shows; a change
 * announced by PostgreSQL (any API process, see PagesService) drops the pages showing it.
 *
 * A page rendered while a change arrived is not kept: its data may predate the change (the
 * change's announcement is what would have dropped it). `startRender` / `store` carry that check.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private generation = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get size(): number {
    return this.pages.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  static key(url: string, language: string): string {
    return `${language} ${url}`;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (this.now() - page.storedAt > this.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** Call before rendering a page that may be stored; hand the result to `store`. */
  startRender(): number {
    return this.generation;
  }

  /** Keeps a page unless a change arrived since its render started (or it is too big to keep). */
  store(key: string, page: Omit<CachedPage, 'storedAt' | 'body'>, startedAt: number): boolean {
    if (!this.enabled || startedAt !== this.generation) return false;
    const size = sizeOf(key, page.html);
    if (size > this.maxBytes / 4) return false;
    this.delete(key);
    this.pages.set(key, { ...page, body: Buffer.from(page.html), storedAt: this.now() });
    this.bytes += size;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  /** Drops every page showing one of `tags` (`*`: every page). */
  invalidate(tags: readonly string[]): void {
    this.generation++;
    if (tags.includes('*')) {
      this.pages.clear();
      this.byTag.clear();
      this.bytes = 0;
      return;
    }
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (keys) for (const key of [...keys]) this.delete(key);
    }
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(key, page.html);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}

/** Bytes a page holds in memory, roughly: its HTML (UTF-16 in V8, and encoded once) and its key. */
function sizeOf(key: string, html: string): number {
  return (html.length + key.length) * 3;
}
