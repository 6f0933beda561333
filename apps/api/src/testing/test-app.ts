import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp, listen } from '../app.factory';
import { RunningConfig } from '../app.module';
import { loadConfig } from '../config/config';
import { runMigrations } from '../database/migrate';
import { createDatabase, runtimeUrl } from './test-database';

export { createDatabase, runMigrations, runtimeUrl };

/**
 * A real Parvis API for one test file: its own fresh database (migrated, empty) on the test
 * run's PostgreSQL, listening on a free port. Talk to it through `agent()`, which keeps a
 * cookie like a browser does, and look at the rows through `db`.
 */
export interface TestApp {
  app: INestApplication;
  url: string;
  /** The owner's URL (migrations, a second API); the API itself connects as `runtimeUrl(databaseUrl)`. */
  databaseUrl: string;
  db: DataSource;
  agent(): GraphQLAgent;
  /**
   * Runs `fn` in one transaction as the tables' owner, for what the API's own role may not do
   * (DDL, disabling a trigger, trying a DELETE the never-delete trigger must refuse).
   */
  asOwner<T>(fn: (query: OwnerQuery) => Promise<T>): Promise<T>;
  /** Runs `fn` and counts the SQL statements the API sent meanwhile (to prove there is no N+1). */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }>;
  close(): Promise<void>;
}

export type OwnerQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * `databaseUrl`: share an existing test database, to run a second API process against it.
 * `role`: the API connects as the runtime role, as in production; `owner` for a test that starts
 * it on a database not migrated yet (the runtime role's grants come with the migrations).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  databaseUrl?: string,
  role: 'runtime' | 'owner' = 'runtime',
): Promise<TestApp> {
  if (!databaseUrl) {
    databaseUrl = await createDatabase();
    await runMigrations(databaseUrl);
  }
  const config: RunningConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      // Every API process of one database shares its secret, as in production (mails sealed by one
      // process are opened by another's worker).
      SESSION_SECRET: createHash('sha256').update(`parvis-test:${databaseUrl}`).digest('hex'),
      PARVIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'parvis-test-data-')),
      WEB_DIST: '',
      // Tests sign many people up from 127.0.0.1; the per-address limit has its own test.
      REGISTER_LIMIT_PER_ADDRESS: '100000',
      ...env,
    }),
    databaseUrl: role === 'owner' ? databaseUrl : runtimeUrl(databaseUrl),
  };
  const app = await createApp(config, ['error']);
  const address = (await listen(app, 0, '127.0.0.1')).address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const db = app.get(DataSource);
  const recorded: string[] = [];
  let recording = false;
  const logger = db.logger;
  // TypeORM hands every statement to its logger: count them while a measurement runs.
  (db as { logger: typeof logger }).logger = Object.assign(Object.create(logger) as typeof logger, {
    logQuery: (query: string) => {
      if (recording) recorded.push(query);
    },
  });
  return {
    app,
    url,
    databaseUrl,
    db,
    agent: () => new GraphQLAgent(`${url}/graphql`),
    asOwner: (fn) => asOwner(databaseUrl, fn),
    countQueries: async (fn) => {
      // Mails queued earlier (e.g. the confirmation of a member registered by the test) are sent
      // by the worker in this process through the same data source: let it finish first, so that
      // only the measured request's statements are counted.
      await mailSettled(db);
      recorded.length = 0;
      recording = true;
      try {
        const result = await fn();
        return { result, queries: [...recorded] };
      } finally {
        recording = false;
      }
    },
    close: () => app.close(),
  };
}

/**
 * The test file's API, started before its first test and closed after its last: call it at the
 * top of the file (`const test = useTestApp(env)`); the object it returns is filled in by the
 * time the tests, and any `beforeAll` registered after it, run.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const test = {} as TestApp;
  beforeAll(async () => {
    Object.assign(test, await startTestApp(env));
  });
  afterAll(() => test.close());
  return test;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** One browser: sends GraphQL requests and keeps the session cookie the API sets. */
export class GraphQLAgent {
  /** The cookies the API set, by name (the session, and the sign-in device cookie). */
  private readonly cookies = new Map<string, string>();
  /** Sent with every request: the interface language the web app would send (Accept-Language). */
  private language: string | null = null;

  constructor(private readonly endpoint: string) {}

  /** Asks in this language from now on, as the web app does in its interface's language. */
  speaking(language: string | null): this {
    this.language = language;
    return this;
  }

  async request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookies.size ? { cookie: [...this.cookies.values()].join('; ') } : {}),
        ...(this.language ? { 'accept-language': this.language } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      if (/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, pair);
    }
    return (await response.json()) as GraphQLResult<T>;
  }

  /** Like request, but fails the test on any error and returns the data. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** `parvis_session=…`, or null when signed out. */
  get sessionCookie(): string | null {
    return this.cookies.get('parvis_session') ?? null;
  }

  /** Sends this cookie (only) from now on, as a browser replaying a stolen or stale cookie would. */
  useCookie(cookie: string | null): this {
    this.cookies.clear();
    if (cookie) this.cookies.set(cookie.slice(0, cookie.indexOf('=')), cookie);
    return this;
  }

  /** Registers a new member (unique e-mail) and signs them in (registering does not). */
  async registerMember(displayName = 'Test Member', locale?: string): Promise<{ id: string; email: string }> {
    const email = `member-${randomBytes(5).toString('hex')}@example.com`;
    await this.data(`mutation ($input: RegisterInput!) { register(input: $input) { email } }`, {
      input: { email, displayName, password: TEST_PASSWORD, ...(locale ? { locale } : {}) },
    });
    const data = await this.data<{ signIn: { user: { id: string } } }>(
      `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
      { input: { email, password: TEST_PASSWORD } },
    );
    return { id: data.signIn.user.id, email };
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<GraphQLResult> {
    return this.request(`mutation ($input: SignInInput!) { signIn(input: $input) { user { id role } } }`, {
      input: { email, password },
    });
  }
}

export const TEST_PASSWORD = 'a long test passphrase';

/** Registers a person and gives them a role directly in the database (there is no admin yet in a fresh one). */
export async function signedInAs(
  test: TestApp,
  role: string,
  displayName = `Test ${role.toLowerCase()}`,
): Promise<{ agent: GraphQLAgent; id: string; email: string }> {
  const agent = test.agent();
  const { id, email } = await agent.registerMember(displayName);
  if (role !== 'MEMBER') await test.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, id]);
  return { agent, id, email };
}

async function asOwner<T>(databaseUrl: string, fn: (query: OwnerQuery) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(async (sql, params) => (await client.query(sql, params)).rows);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Waits (at most 30 s) until no queued mail is left to send. */
export async function mailSettled(db: DataSource): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const [{ pending }] = await db.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM mail_outbox WHERE status = 'PENDING'`,
    );
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stuck = await db.query<unknown[]>(
    `SELECT kind, to_address, attempts, last_error FROM mail_outbox WHERE status = 'PENDING' LIMIT 5`,
  );
  throw new Error(`Queued mails were still not sent after 30 s: ${JSON.stringify(stuck)}`);
}
