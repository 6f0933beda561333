import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { pendingSchemaChanges } from './schema-drift';

/**
 * `npx nx run api:migration:generate --name=AddThreads` (entry point: src/generate-migration.ts):
 * migrates a throwaway embedded database, compares it with the entities and writes the difference
 * as a new migration under src/database/migrations. Read it, name its constraints, then add it to
 * index.ts.
 */
export async function generateMigration(
  name: string | undefined,
  entities: DataSourceOptions['entities'],
): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Give the migration a PascalCase name, e.g. --name=AddThreads');
  }
  const dir = mkdtempSync(join(tmpdir(), 'parvis-migration-'));
  chmodSync(dir, 0o755); // reachable by the postgres user when run as root
  const server = await EmbeddedPostgres.start({ dataDir: dir, database: 'parvis' });
  const dataSource = new DataSource(dataSourceOptions(server.url('parvis'), entities));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.log('The entities and the migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = join(__dirname, '..', '..', 'src', 'database', 'migrations', `${timestamp}-${name}.ts`);
    const literal = (q: string) => '`' + q.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${') + '`';
    const lines = (queries: string[]) =>
      queries.map((q) => `    await queryRunner.query(${literal(q)});`).join('\n');
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down.reverse())}
  }
}
`,
    );
    console.log(`Wrote ${file}: read it, then add it to migrations/index.ts.`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
