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
export function loaderFor<K, V>(
  ctx: GraphQLContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
): DataLoader<K, V | null> {
  const registry = (ctx.loaders ??= new Map<string, DataLoader<unknown, unknown>>());
  let loader = registry.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>(async (keys) => batch(keys));
    registry.set(name, loader);
  }
  return loader;
}

/** Orders rows fetched by id to match the keys a DataLoader asked for (missing ones as null). */
export function byKeys<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}
