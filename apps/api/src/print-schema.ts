import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { loadConfig } from './config/config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { schemaText } from './graphql/print-schema';

/** `npx nx run api:schema` rewrites apps/api/schema.gql from the code (the web app's types come from it). */
async function main(): Promise<void> {
  const target = process.argv[2] ?? join(__dirname, '..', 'schema.gql');
  const dir = mkdtempSync(join(tmpdir(), 'parvis-schema-'));
  chmodSync(dir, 0o755); // reachable by the postgres user when run as root
  const server = await EmbeddedPostgres.start({ dataDir: dir, database: 'parvis' });
  try {
    const config = loadConfig({ NODE_ENV: 'test', PARVIS_DATA_DIR: dir, WEB_DIST: '' });
    const app = await createApp({ ...config, databaseUrl: server.url('parvis') }, ['error']);
    await app.init();
    writeFileSync(target, schemaText(app.get(GraphQLSchemaHost)));
    await app.close();
    console.log(`Wrote ${target}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
