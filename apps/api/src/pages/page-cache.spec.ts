import { PageCache } from './page-cache';

const page = (html: string, tags: string[]) => ({ html, etag: `"${html}"`, status: 200, tags });

describe('the page cache', () => {
  it('keeps pages by URL and language, and drops those showing what changed', () => {
    const cache = new PageCache(1_000_000, 60_000);
    cache.store('en /t/1', page('thread 1', ['Thread:1', 'Query.spaces']), cache.startRender());
    cache.store('fr /t/1', page('fil 1', ['Thread:1']), cache.startRender());
    cache.store('en /t/2', page('thread 2', ['Thread:2']), cache.startRender());
    cache.invalidate(['Thread:1']);
    expect(cache.get('en /t/1')).toBeUndefined();
    expect(cache.get('fr /t/1')).toBeUndefined();
    expect(cache.get('en /t/2')?.html).toBe('thread 2');
    cache.invalidate(['*']);
    expect(cache.size).toBe(0);
    expect(cache.usedBytes).toBe(0);
  });

  it('does not keep a page rendered while a change arrived (its data may predate the change)', () => {
    const cache = new PageCache(1_000_000, 60_000);
    const started = cache.startRender();
    cache.invalidate(['Thread:9']);
    expect(cache.store('en /t/1', page('stale', ['Thread:1']), started)).toBe(false);
    expect(cache.get('en /t/1')).toBeUndefined();
  });

  it('stays within its memory, dropping the least recently used pages first', () => {
    // 153 bytes a page: four fit in 650, the fifth pushes one out.
    const html = 'x'.repeat(50);
    const cache = new PageCache(650, 60_000);
    cache.store('a', page(html, ['A']), cache.startRender());
    cache.store('b', page(html, ['B']), cache.startRender());
    cache.get('a');
    for (const key of ['c', 'd', 'e']) cache.store(key, page(html, [key]), cache.startRender());
    expect(cache.size).toBe(4);
    expect(cache.usedBytes).toBeLessThanOrEqual(650);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.html).toBe(html);
  });

  it('renders a page again after its maximum age, in case a change was missed', () => {
    let now = 0;
    const cache = new PageCache(1_000_000, 1_000, () => now);
    cache.store('en /', page('home', []), cache.startRender());
    now = 999;
    expect(cache.get('en /')).toBeDefined();
    now = 2_100;
    expect(cache.get('en /')).toBeUndefined();
  });

  it('keeps nothing when it has no memory (PAGE_CACHE_MB=0)', () => {
    const cache = new PageCache(0, 60_000);
    expect(cache.store('en /', page('home', []), cache.startRender())).toBe(false);
  });
});
