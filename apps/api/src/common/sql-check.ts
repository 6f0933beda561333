/**
 * The SQL of a CHECK constraint that keeps a column to a fixed list of values, e.g.
 * `status IN ('OPEN', 'ANSWERED')`. The lists come from `@parvis/domain`, so the database refuses
 * exactly what the TypeScript types refuse. `nullable` allows NULL as well.
 */
export function sqlInList(column: string, values: readonly string[], nullable = false): string {
  const inList = `${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
  return nullable ? `${column} IS NULL OR ${inList}` : inList;
}
