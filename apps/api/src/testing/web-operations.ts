import { print, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let operations: Map<string, string> | null = null;

/**
 * The text of one of the web app's own GraphQL operations, as graphql-codegen generated it
 * (apps/web/src/gql/graphql.ts, written by `npx nx run web:codegen`): a test that measures what a
 * page costs sends exactly what the page sends.
 */
export function webOperation(name: string): string {
  if (!operations) {
    const generated = readFileSync(
      join(__dirname, '..', '..', '..', 'web', 'src', 'gql', 'graphql.ts'),
      'utf8',
    );
    operations = new Map(
      [...generated.matchAll(/export const (\w+)Document = (\{.*?\}) as unknown as/g)].map(([, n, json]) => [
        n,
        print(JSON.parse(json) as DocumentNode),
      ]),
    );
  }
  const text = operations.get(name);
  if (!text) throw new Error(`The web app has no operation named ${name} (run npx nx run web:codegen).`);
  return text;
}
