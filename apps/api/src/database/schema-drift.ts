import { DataSource } from 'typeorm';

/**
 * What TypeORM would still change to make the database match the entities. Empty on a
 * migrated database when the migrations and the entities agree.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query),
  };
}
