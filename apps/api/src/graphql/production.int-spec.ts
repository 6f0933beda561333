import { startTestApp, TestApp } from '../testing/test-app';

const INTROSPECTION = `{ __schema { queryType { name } } }`;
const TYPO = `{ threadz(first: 1) { totalCount } }`;

describe('the schema is not handed out in production', () => {
  let production: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ NODE_ENV: 'production' });
    development = await startTestApp({ NODE_ENV: 'development' }, production.databaseUrl);
  });
  afterAll(async () => {
    await development.close();
    await production.close();
  });

  it('refuses introspection in production, answers it in development', async () => {
    const refused = await production.agent().request(INTROSPECTION);
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await development.agent().data(INTROSPECTION)).__schema.queryType.name).toBe('Query');
  });

  it('suggests no field names in production ("Did you mean"), as it does in development', async () => {
    const [inProduction] = (await production.agent().request(TYPO)).errors ?? [];
    const [inDevelopment] = (await development.agent().request(TYPO)).errors ?? [];
    expect(inDevelopment.message).toMatch(/Did you mean .*"threads"\?/);
    expect(inProduction.message).toBe('Cannot query field "threadz" on type "Query".');
    expect(inProduction.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
