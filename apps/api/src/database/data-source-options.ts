import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { PG_TYPES } from './timestamps';

/**
 * One definition of how Parvis talks to PostgreSQL, used by the app, the migration tools and
 * the tests. `synchronize` is never on: the schema changes only through migrations, which run
 * at start-up. Entities and migrations are listed, not globbed, so the same list works from
 * the TypeScript sources under Jest and from the compiled files under Node. The entities are the
 * caller's (the app's list, app-entities.ts): the database layer knows no domain.
 * `preparedStatements`: each statement with parameters prepared once per connection (PreparingClient).
 * Timestamps are read by `parseTimestamptz` (timestamps.ts).
 */
export function dataSourceOptions(
  url: string,
  entities: DataSourceOptions['entities'],
  { preparedStatements = true }: { preparedStatements?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, types: PG_TYPES, ...(preparedStatements ? { Client: PreparingClient } : {}) },
  };
}
