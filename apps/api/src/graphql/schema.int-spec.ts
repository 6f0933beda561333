import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestApp } from '../testing/test-app';
import { schemaText } from './print-schema';

const test = useTestApp();

describe('the GraphQL schema', () => {
  it('committed in apps/api/schema.gql is the one the code serves (regenerate: npx nx run api:schema)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8');
    expect(schemaText(test.app.get(GraphQLSchemaHost))).toBe(committed);
  });

  it('refuses a query nested deeper than the limit before running it', async () => {
    const nested = `{ me { id } ${'a: __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }'} }`;
    const result = await test.agent().request(nested);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/nested 13 levels deep; the limit is 12/);
  });

  it('runs a query nested exactly to the limit', async () => {
    const atLimit = `{ a: __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`;
    const result = await test.agent().request(atLimit.replace('ofType { name }', 'name'));
    expect(result.errors).toBeUndefined();
  });

  it('refuses a query that would fan out into too much work, before running it', async () => {
    const fanOut = `{ threads(first: 100) { edges { node { posts(first: 100) { edges { node { id revisions { id } } } } } } } }`;
    const result = await test.agent().request(fanOut);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/the limit is 10000/);
  });

  it('answers a query with a syntax error as a request error without a stack trace', async () => {
    const result = await test.agent().request(`{ spaces { `);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('the health check', () => {
  it('answers 200 when the database is reachable', async () => {
    const response = await fetch(`${test.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'ok',
      worker: 0,
      databaseRole: 'runtime',
      liveSubscriptions: 0,
    });
  });
});
