import DataLoader from 'dataloader';
import type { GraphQLContext } from './viewer';

/**
 * Per-request DataLoaders: a field resolver that needs a related row (a post's author, an
 * idea's vote state) asks the request's loader, which batches every such ask in one tick into
 * one query. Loaders live on the request so nothing is cached across people or requests.
 *
 * `loaderFor(ctx, 'users.byId', ids => service.usersByIds(ids))`: the batch function gets the
 * keys and returns one value (or null) per key, in the same order.
 */
export function loaderFor<K, V, C = K>(
  ctx: GraphQLContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
  /** For keys that are objects: the value that tells two keys are the same. */
  cacheKeyFn?: (key: K) => C,
): DataLoader<K, V | null, C> {
  const registry = (ctx.loaders ??= new Map<string, DataLoader<unknown, unknown>>());
  let loader = registry.get(name) as DataLoader<K, V | null, C> | undefined;
  if (!loader) {
    loader = new RequestLoader<K, V | null, C>(async (keys) => batch(keys), cacheKeyFn);
    registry.set(name, loader);
  }
  return loader;
}

/**
 * A DataLoader whose known values answer at once. DataLoader holds even a cached (or primed)
 * value back until its next batch is sent, one tick later: a page whose rows were primed (the
 * thread page) would then ask for their authors a tick after the first authors were asked for,
 * in a second query. Answered from the cache at once, every relation of the page is asked for
 * in the same tick, so each kind of row costs one query.
 */
class RequestLoader<K, V, C> extends DataLoader<K, V, C> {
  private readonly known: Map<C, Promise<V>>;
  private readonly keyOf: (key: K) => C;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, cacheKeyFn?: (key: K) => C) {
    const known = new Map<C, Promise<V>>();
    super(batch, { cacheKeyFn, cacheMap: known });
    this.known = known;
    this.keyOf = cacheKeyFn ?? ((key) => key as unknown as C);
  }

  override load(key: K): Promise<V> {
    return this.known.get(this.keyOf(key)) ?? super.load(key);
  }
}

/** Orders rows fetched by id to match the keys a DataLoader asked for (missing ones as null). */
export function byKeys<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}
