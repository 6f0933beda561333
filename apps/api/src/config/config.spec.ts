import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const dataDir = mkdtempSync(join(tmpdir(), 'parvis-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ PARVIS_DATA_DIR: dataDir, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('needs nothing to start: port 3000, embedded database, a generated session secret', () => {
    const config = loadConfig({ PARVIS_DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.sessionSecret).toHaveLength(64);
  });

  it('keeps the generated session secret between starts, so sessions survive a restart', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).sessionSecret).toBe(
      loadConfig({ PARVIS_DATA_DIR: dataDir }).sessionSecret,
    );
  });

  it('names the variable and the reason for a wrong port', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([
      'PORT is "eighty"; it must be a whole number from 1 to 65535.',
    ]);
  });

  it('runs one API process per core unless WEB_CONCURRENCY says otherwise', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).webConcurrency).toBe(availableParallelism());
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir, WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
    expect(problemsOf({ WEB_CONCURRENCY: 'all' })).toEqual([
      'WEB_CONCURRENCY is "all"; it must be a whole number from 1 to 256.',
    ]);
  });

  it('prepares statements unless DATABASE_PREPARED_STATEMENTS is false (a pooler that cannot keep them)', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).preparedStatements).toBe(true);
    expect(
      loadConfig({ PARVIS_DATA_DIR: dataDir, DATABASE_PREPARED_STATEMENTS: 'false' }).preparedStatements,
    ).toBe(false);
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toEqual([
      'DATABASE_PREPARED_STATEMENTS is "maybe"; use true or false.',
    ]);
  });

  it('runs GraphQL operations compiled unless GRAPHQL_COMPILED_QUERIES is false', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).compiledQueries).toBe(true);
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir, GRAPHQL_COMPILED_QUERIES: 'false' }).compiledQueries).toBe(
      false,
    );
    expect(problemsOf({ GRAPHQL_COMPILED_QUERIES: 'fast' })).toEqual([
      'GRAPHQL_COMPILED_QUERIES is "fast"; use true or false.',
    ]);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://localhost/parvis' })[0]).toMatch(
      /^DATABASE_URL must start with postgres/,
    );
  });

  it('refuses a wrong SMTP_URL at start-up, naming it; without one, mail goes to the built-in catcher', () => {
    expect(problemsOf({ SMTP_URL: 'mail.example.com:587' })).toEqual([
      expect.stringMatching(/^SMTP_URL is "mail.example.com:587"; use smtp:\/\/user:password@host:587/),
    ]);
    expect(problemsOf({ SMTP_URL: 'http://mail.example.com' })[0]).toMatch(/^SMTP_URL is/);
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).mail.smtpUrl).toBeNull();
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir, SMTP_URL: 'smtp://u:p@localhost:1025' }).mail.smtpUrl).toBe(
      'smtp://u:p@localhost:1025',
    );
  });

  it('keeps photos in the data folder unless an S3 store is set, and names what an S3 store lacks', () => {
    const local = loadConfig({ PARVIS_DATA_DIR: dataDir }).uploads;
    expect(local).toEqual({ dir: join(dataDir, 'uploads'), s3: null, maxBytes: 10_000_000, perHour: 30 });
    expect(
      problemsOf({ S3_URL: 'minio:9000', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }),
    ).toEqual([expect.stringMatching(/^S3_URL is "minio:9000"; use the store's http\(s\) endpoint/)]);
    expect(problemsOf({ S3_URL: 'http://minio:9000' })).toEqual([
      'S3_BUCKET is needed with S3_URL.',
      'S3_ACCESS_KEY_ID is needed with S3_URL.',
      'S3_SECRET_ACCESS_KEY is needed with S3_URL.',
    ]);
    const s3 = loadConfig({
      PARVIS_DATA_DIR: dataDir,
      S3_URL: 'http://minio:9000/',
      S3_BUCKET: 'photos',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    }).uploads.s3;
    expect(s3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'photos',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
    });
    expect(problemsOf({ UPLOAD_MAX_BYTES: '5' })[0]).toMatch(/^UPLOAD_MAX_BYTES is "5"/);
  });

  it('builds mail links from PUBLIC_URL and refuses a From header that is not an address', () => {
    const config = loadConfig({ PARVIS_DATA_DIR: dataDir, PORT: '4000' });
    expect(config.mail.publicUrl).toBe('http://localhost:4000');
    expect(config.mail.from).toBe('Parvis <no-reply@localhost>');
    expect(
      loadConfig({ PARVIS_DATA_DIR: dataDir, PUBLIC_URL: 'https://community.example.com/' }).mail.publicUrl,
    ).toBe('https://community.example.com');
    expect(problemsOf({ PUBLIC_URL: 'community.example.com' })[0]).toMatch(/^PUBLIC_URL is/);
    expect(problemsOf({ MAIL_FROM: 'not an address' })[0]).toMatch(/^MAIL_FROM is "not an address"/);
  });

  it('requires a session secret in production and a long one anywhere', () => {
    expect(problemsOf({ NODE_ENV: 'production' })[0]).toMatch(/^SESSION_SECRET is required in production/);
    expect(problemsOf({ SESSION_SECRET: 'short' })[0]).toMatch(
      /^SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: '0', COOKIE_SECURE: 'maybe', NODE_ENV: 'staging' })).toHaveLength(3);
  });

  it('limits members to 20 posts per 10 minutes unless configured, and refuses a wrong limit', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).postLimit).toEqual({ perMember: 20, windowSeconds: 600 });
    expect(problemsOf({ POST_LIMIT_PER_MEMBER: '0' })).toEqual([
      'POST_LIMIT_PER_MEMBER is "0"; it must be a whole number from 1 to 10000.',
    ]);
  });

  it('keeps idle connections longer than a load balancer does unless configured, in a consistent order', () => {
    expect(loadConfig({ PARVIS_DATA_DIR: dataDir }).http).toEqual({
      keepAliveTimeoutSeconds: 65,
      headersTimeoutSeconds: 66,
      requestTimeoutSeconds: 300,
      bodyLimitBytes: 100 * 1024,
    });
    // The headers timeout follows a raised keep-alive timeout by default.
    expect(
      loadConfig({ PARVIS_DATA_DIR: dataDir, HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '120' }).http,
    ).toMatchObject({
      keepAliveTimeoutSeconds: 120,
      headersTimeoutSeconds: 121,
    });
    expect(problemsOf({ HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '70', HTTP_HEADERS_TIMEOUT_SECONDS: '60' })).toEqual(
      ['HTTP_HEADERS_TIMEOUT_SECONDS (60) must be more than HTTP_KEEP_ALIVE_TIMEOUT_SECONDS (70).'],
    );
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_SECONDS: '30' })).toEqual([
      'HTTP_REQUEST_TIMEOUT_SECONDS (30) must be at least HTTP_HEADERS_TIMEOUT_SECONDS (66).',
    ]);
    expect(problemsOf({ REQUEST_BODY_LIMIT_KB: '0' })).toEqual([
      'REQUEST_BODY_LIMIT_KB is "0"; it must be a whole number from 1 to 10240.',
    ]);
  });

  it('trusts no proxy unless told: then a number of proxies, or any (true), and refuses anything else', () => {
    const trustProxy = (value?: string) =>
      loadConfig({ PARVIS_DATA_DIR: dataDir, ...(value === undefined ? {} : { TRUST_PROXY: value }) })
        .trustProxy;
    expect(trustProxy()).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('TRUE')).toBe(true);
    for (const wrong of ['yes', '-1', '1.5', '11', '10.0.0.0/8']) {
      expect(problemsOf({ TRUST_PROXY: wrong })).toEqual([
        `TRUST_PROXY is "${wrong}"; use false, the number of proxies in front of Parvis (1 to 10), or true.`,
      ]);
    }
  });
});
