import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The only place that reads process.env. Every value is validated here, at start-up, so a
 * wrong setting stops Parvis with a sentence naming the variable instead of failing later.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** API processes `npm start` runs on the port (Node's cluster); 1: one process, no cluster. */
  webConcurrency: number;
  /**
   * V8's young generation per API process of the cluster, in MB per semi-space
   * (`--max-semi-space-size`); 0: V8's own default. A request allocates much short-lived garbage:
   * a larger nursery collects it in fewer scavenges and promotes less of it.
   */
  semiSpaceMb: number;
  /** null: start the embedded PostgreSQL and build the URL from it. */
  databaseUrl: string | null;
  /** Each statement with parameters prepared once per connection (database/preparing-client.ts). */
  preparedStatements: boolean;
  /** GraphQL operations compiled to JavaScript once each, then run as such (graphql/compiled-queries.ts). */
  compiledQueries: boolean;
  /** The owner's URL the migrations run with, when DATABASE_URL is the API's runtime role (null: DATABASE_URL). */
  migrationDatabaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  dataDir: string;
  sessionSecret: string;
  sessionDays: number;
  cookieSecure: boolean;
  /**
   * Express's `trust proxy`: false (the client is whoever connects), a number of proxies in
   * front of Parvis whose X-Forwarded-For entries are believed, or true (believe every entry).
   * The client address decides the per-address sign-in limit and is kept with each session.
   */
  trustProxy: boolean | number;
  /** Failed sign-ins allowed per window, per e-mail and per network address. */
  signInLimit: { perEmail: number; perAddress: number; windowSeconds: number };
  /** Sign-ups (accounts created or not) per network address per window. */
  registerLimit: { perAddress: number; windowSeconds: number };
  /** Threads, replies and private messages a member may post per window (staff are not limited). */
  postLimit: { perMember: number; windowSeconds: number };
  /** Votes and unvotes a member may cast per window (against vote bots and click storms). */
  voteLimit: { perMember: number; windowSeconds: number };
  /** Account e-mails (sign-up, password reset) one e-mail address may cause per window. */
  accountMailLimit: { registerPerEmail: number; resetPerEmail: number; windowSeconds: number };
  mail: MailConfig;
  notifications: NotificationsConfig;
  reports: ReportsConfig;
  /** The image proxy that shows remote images of posts without telling their host who reads. */
  mediaProxy: MediaProxyConfig;
  uploads: UploadsConfig;
  seedDemo: boolean;
  http: HttpConfig;
  /** The built web app served at `/`, or null to serve only the API. */
  webDist: string | null;
  /** Memory for rendered public pages kept for signed-out readers, in megabytes; 0: no page cache. */
  pageCacheMb: number;
}

/** Photos members add to posts (the uploads room). */
export interface UploadsConfig {
  /** Where the files are kept when no S3 store is set: `<data folder>/uploads` by default (UPLOADS_DIR). */
  dir: string;
  /** An S3-compatible store (AWS S3, MinIO, R2…) instead of the local folder, or null. */
  s3: S3Config | null;
  /** The largest file accepted, in bytes (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Photos one member may add per hour (UPLOADS_PER_HOUR). */
  perHour: number;
}

export interface S3Config {
  /** The store's endpoint, e.g. http://minio:9000 or https://s3.eu-west-3.amazonaws.com (S3_URL). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface MailConfig {
  /** null: no SMTP server; mail is delivered to the built-in catcher (a table staff read at /staff/mail). */
  smtpUrl: string | null;
  /** The From header: an address, or `Name <address>`. */
  from: string;
  /** The base of every link in a mail (no trailing slash). */
  publicUrl: string;
  /** The name mails are signed with. */
  brandName: string;
  /** How long one send may take; a job held longer (a crashed process) is handed to another worker. */
  sendTimeoutSeconds: number;
  /** The first retry's delay after a failed send; each next retry waits about twice as long. */
  retryDelaySeconds: number;
}

/** The HTTP server (see README, "Behind a load balancer"). */
export interface HttpConfig {
  /** How long an idle keep-alive connection is kept open: longer than the load balancer's idle timeout. */
  keepAliveTimeoutSeconds: number;
  /** How long a client may take to send a request's headers: longer than the keep-alive timeout. */
  headersTimeoutSeconds: number;
  /** How long a client may take to send a whole request. */
  requestTimeoutSeconds: number;
  /** The largest request body accepted; a larger one is answered 413. */
  bodyLimitBytes: number;
}

export interface ReportsConfig {
  /** The local hour (0-23, in each recipient's time zone) the daily executive digest is sent at. */
  executiveDigestHour: number;
}

export interface MediaProxyConfig {
  /** The largest image fetched, in bytes. */
  maxBytes: number;
  /** How long one fetch may take. */
  timeoutSeconds: number;
  /**
   * Fetch from loopback and private networks too. Off: an image URL must not make Parvis reach
   * into its own network (SSRF); only the tests turn it on, to serve images from the test.
   */
  allowPrivateAddresses: boolean;
}

export interface NotificationsConfig {
  /** The local hour (0-23) daily and weekly digests are sent at (weekly ones on Mondays). */
  digestHour: number;
  /** The time zone of members who chose none (an IANA name such as Europe/Paris). */
  defaultTimeZone: string;
  /** How long before a help thread's first-response or answer deadline staff are warned. */
  slaWarningMinutes: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Parvis cannot start, its configuration is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * `API_SEMI_SPACE_MB`'s default. A page's objects live as long as its request; with 16 requests in
 * flight per process, V8's default young generation fills before they end, so they are promoted
 * and collected again by the old generation's slower collector. At 64 MB per semi-space (up to
 * ~190 MB per process), API processor time per request: 0.74–0.98× on the thread page just after
 * a start (5 pairs), and once warm, medians 0.99 (anonymous page), 0.96 (signed in), 0.91 (list)
 * (tools/bench/RESULTS.md, 2026-11-27). 32 MB had measured no better (2026-11-26).
 */
export const DEFAULT_SEMI_SPACE_MB = 64;

/** The repository root, whether running from src (ts-jest) or dist (node). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV is "${nodeEnv}"; use development, production or test.`);
  }

  const port = integer(env, 'PORT', 3000, 1, 65535, problems);
  const webConcurrency = integer(env, 'WEB_CONCURRENCY', availableParallelism(), 1, 256, problems);
  const semiSpaceMb = integer(env, 'API_SEMI_SPACE_MB', DEFAULT_SEMI_SPACE_MB, 0, 1024, problems);

  let databaseUrl: string | null = null;
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '') {
    databaseUrl = env.DATABASE_URL;
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      problems.push(
        'DATABASE_URL must start with postgres:// or postgresql:// (for example postgres://user:password@localhost:5432/parvis).',
      );
    }
  }

  let migrationDatabaseUrl: string | null = null;
  if (env.MIGRATION_DATABASE_URL !== undefined && env.MIGRATION_DATABASE_URL !== '') {
    migrationDatabaseUrl = env.MIGRATION_DATABASE_URL;
    if (!/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
      problems.push('MIGRATION_DATABASE_URL must start with postgres:// or postgresql://.');
    } else if (!databaseUrl) {
      problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL too (the role the API connects as).');
    }
  }

  const dataDir = resolve(env.PARVIS_DATA_DIR ?? join(REPO_ROOT, '.data'));

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long (try: openssl rand -hex 32).');
  } else if (sessionSecret === '') {
    if (nodeEnv === 'production') {
      problems.push(
        'SESSION_SECRET is required in production (at least 32 characters; try: openssl rand -hex 32).',
      );
    } else {
      sessionSecret = localSessionSecret(dataDir);
    }
  }

  const sessionDays = integer(env, 'SESSION_DAYS', 30, 1, 365, problems);
  const cookieSecure = boolean(env, 'COOKIE_SECURE', nodeEnv === 'production', problems);
  const trustProxy = proxyTrust(env, problems);
  const signInLimit = {
    perEmail: integer(env, 'SIGN_IN_LIMIT_PER_EMAIL', 10, 1, 10_000, problems),
    perAddress: integer(env, 'SIGN_IN_LIMIT_PER_ADDRESS', 50, 1, 100_000, problems),
    windowSeconds: integer(env, 'SIGN_IN_LIMIT_WINDOW_SECONDS', 900, 10, 86_400, problems),
  };
  const registerLimit = {
    perAddress: integer(env, 'REGISTER_LIMIT_PER_ADDRESS', 10, 1, 100_000, problems),
    windowSeconds: integer(env, 'REGISTER_LIMIT_WINDOW_SECONDS', 3600, 10, 604_800, problems),
  };
  const postLimit = {
    perMember: integer(env, 'POST_LIMIT_PER_MEMBER', 20, 1, 10_000, problems),
    windowSeconds: integer(env, 'POST_LIMIT_WINDOW_SECONDS', 600, 10, 86_400, problems),
  };
  const voteLimit = {
    perMember: integer(env, 'VOTE_LIMIT_PER_MEMBER', 120, 1, 100_000, problems),
    windowSeconds: integer(env, 'VOTE_LIMIT_WINDOW_SECONDS', 600, 10, 86_400, problems),
  };
  const accountMailLimit = {
    registerPerEmail: integer(env, 'REGISTER_LIMIT_PER_EMAIL', 3, 1, 1_000, problems),
    resetPerEmail: integer(env, 'PASSWORD_RESET_LIMIT_PER_EMAIL', 3, 1, 1_000, problems),
    windowSeconds: integer(env, 'ACCOUNT_MAIL_LIMIT_WINDOW_SECONDS', 3600, 10, 604_800, problems),
  };
  const mail = mailConfig(env, port, problems);
  const notifications = {
    digestHour: integer(env, 'DIGEST_HOUR', 8, 0, 23, problems),
    defaultTimeZone: timeZone(env, 'DEFAULT_TIME_ZONE', 'Europe/Paris', problems),
    slaWarningMinutes: integer(env, 'SLA_WARNING_MINUTES', 30, 1, 10_080, problems),
  };
  const reports = { executiveDigestHour: integer(env, 'EXECUTIVE_DIGEST_HOUR', 7, 0, 23, problems) };
  const mediaProxy = {
    maxBytes: integer(env, 'MEDIA_PROXY_MAX_BYTES', 5_000_000, 1_000, 100_000_000, problems),
    timeoutSeconds: integer(env, 'MEDIA_PROXY_TIMEOUT_SECONDS', 10, 1, 120, problems),
    allowPrivateAddresses: boolean(env, 'MEDIA_PROXY_ALLOW_PRIVATE', false, problems),
  };
  const uploads = uploadsConfig(env, dataDir, problems);
  const seedDemo = boolean(env, 'SEED_DEMO', true, problems);
  const preparedStatements = boolean(env, 'DATABASE_PREPARED_STATEMENTS', true, problems);
  const compiledQueries = boolean(env, 'GRAPHQL_COMPILED_QUERIES', true, problems);
  const http = httpConfig(env, problems);

  const defaultWebDist = join(REPO_ROOT, 'apps', 'web', 'dist');
  const webDist = env.WEB_DIST === '' ? null : resolve(env.WEB_DIST ?? defaultWebDist);
  const pageCacheMb = integer(env, 'PAGE_CACHE_MB', 64, 0, 65_536, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: nodeEnv as AppConfig['env'],
    port,
    webConcurrency,
    semiSpaceMb,
    databaseUrl,
    preparedStatements,
    compiledQueries,
    migrationDatabaseUrl,
    dataDir,
    sessionSecret,
    sessionDays,
    cookieSecure,
    trustProxy,
    signInLimit,
    registerLimit,
    postLimit,
    voteLimit,
    accountMailLimit,
    mail,
    notifications,
    reports,
    mediaProxy,
    uploads,
    seedDemo,
    http,
    webDist,
    pageCacheMb,
  };
}

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} is "${raw}"; it must be a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

/** True for a time zone name this runtime (and so PostgreSQL's list, in practice) knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function timeZone(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!isTimeZone(raw)) {
    problems.push(`${name} is "${raw}"; use a time zone name such as Europe/Paris or America/New_York.`);
    return fallback;
  }
  return raw;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} is "${raw}"; use true or false.`);
  return fallback;
}

function uploadsConfig(env: Env, dataDir: string, problems: string[]): UploadsConfig {
  const dir = resolve(env.UPLOADS_DIR?.trim() || join(dataDir, 'uploads'));
  const maxBytes = integer(env, 'UPLOAD_MAX_BYTES', 10_000_000, 10_000, 100_000_000, problems);
  const perHour = integer(env, 'UPLOADS_PER_HOUR', 30, 1, 10_000, problems);
  const endpoint = env.S3_URL?.trim() ?? '';
  if (endpoint === '') return { dir, s3: null, maxBytes, perHour };
  let parsed: URL | null = null;
  try {
    parsed = new URL(endpoint);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
    problems.push(`S3_URL is "${endpoint}"; use the store's http(s) endpoint, e.g. http://localhost:9000.`);
  const required = (name: string): string => {
    const value = env[name]?.trim() ?? '';
    if (value === '') problems.push(`${name} is needed with S3_URL.`);
    return value;
  };
  const s3: S3Config = {
    endpoint: endpoint.replace(/\/+$/, ''),
    bucket: required('S3_BUCKET'),
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
  };
  return { dir, s3, maxBytes, perHour };
}

function mailConfig(env: Env, port: number, problems: string[]): MailConfig {
  let smtpUrl: string | null = null;
  const rawSmtp = env.SMTP_URL?.trim() ?? '';
  if (rawSmtp !== '') {
    let parsed: URL | null = null;
    try {
      parsed = new URL(rawSmtp);
    } catch {
      parsed = null;
    }
    if (!parsed || !['smtp:', 'smtps:'].includes(parsed.protocol) || parsed.hostname === '') {
      problems.push(
        `SMTP_URL is "${rawSmtp}"; use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465, or leave it empty to keep mail in the built-in catcher.`,
      );
    } else {
      smtpUrl = rawSmtp;
    }
  }

  const rawPublic = (env.PUBLIC_URL?.trim() ?? '').replace(/\/+$/, '');
  let publicUrl = `http://localhost:${port}`;
  if (rawPublic !== '') {
    if (/^https?:\/\/[^/\s]+(\/\S*)?$/.test(rawPublic)) publicUrl = rawPublic;
    else
      problems.push(
        `PUBLIC_URL is "${env.PUBLIC_URL}"; use the address people open Parvis at, like https://community.example.com.`,
      );
  }

  const from = env.MAIL_FROM?.trim() || `Parvis <no-reply@${new URL(publicUrl).hostname}>`;
  if (!/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) {
    problems.push(
      `MAIL_FROM is "${env.MAIL_FROM}"; use an address (community@example.com) or a name and an address (Parvis <community@example.com>).`,
    );
  }

  return {
    smtpUrl,
    from,
    publicUrl,
    brandName: env.BRAND_NAME?.trim() || 'Parvis',
    sendTimeoutSeconds: integer(env, 'MAIL_SEND_TIMEOUT_SECONDS', 60, 2, 3600, problems),
    retryDelaySeconds: integer(env, 'MAIL_RETRY_DELAY_SECONDS', 30, 1, 3600, problems),
  };
}

/**
 * Node closes an idle keep-alive connection after 5 s by default, while load balancers keep theirs
 * open longer (60 s for the common ones) and send the next request on it: it then meets a closed
 * socket (a 502 for the user). Parvis keeps connections longer than the balancer does.
 */
function httpConfig(env: Env, problems: string[]): HttpConfig {
  const keepAliveTimeoutSeconds = integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_SECONDS', 65, 1, 3600, problems);
  const headersTimeoutSeconds = integer(
    env,
    'HTTP_HEADERS_TIMEOUT_SECONDS',
    keepAliveTimeoutSeconds + 1,
    1,
    3601,
    problems,
  );
  const requestTimeoutSeconds = integer(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 300, 1, 3600, problems);
  if (headersTimeoutSeconds <= keepAliveTimeoutSeconds) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_SECONDS (${headersTimeoutSeconds}) must be more than HTTP_KEEP_ALIVE_TIMEOUT_SECONDS (${keepAliveTimeoutSeconds}).`,
    );
  }
  if (requestTimeoutSeconds < headersTimeoutSeconds) {
    problems.push(
      `HTTP_REQUEST_TIMEOUT_SECONDS (${requestTimeoutSeconds}) must be at least HTTP_HEADERS_TIMEOUT_SECONDS (${headersTimeoutSeconds}).`,
    );
  }
  const bodyLimitKb = integer(env, 'REQUEST_BODY_LIMIT_KB', 100, 1, 10_240, problems);
  return {
    keepAliveTimeoutSeconds,
    headersTimeoutSeconds,
    requestTimeoutSeconds,
    bodyLimitBytes: bodyLimitKb * 1024,
  };
}

/** `false`, `true` or a hop count; `0` is the same as `false`. */
function proxyTrust(env: Env, problems: string[]): boolean | number {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  const hops = Number(raw);
  if (/^\d+$/.test(raw) && hops >= 1 && hops <= 10) return hops;
  problems.push(
    `TRUST_PROXY is "${env.TRUST_PROXY}"; use false, the number of proxies in front of Parvis (1 to 10), or true.`,
  );
  return false;
}

/**
 * Outside production a secret is made once and kept beside the embedded database, so that
 * sessions survive a restart without asking a new user to configure anything.
 */
function localSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
