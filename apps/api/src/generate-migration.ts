import { APP_ENTITIES } from './app-entities';
import { generateMigration } from './database/generate-migration';

/** `npx nx run api:migration:generate --name=AddThreads`: see database/generate-migration.ts. */
generateMigration(process.argv[2], APP_ENTITIES).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
