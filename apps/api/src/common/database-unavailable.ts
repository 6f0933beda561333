/**
 * What a client is told while PostgreSQL cannot be reached: not a bug of ours nor of theirs, but
 * a moment to wait. Every layer (session middleware, resolvers, health checks) answers it the
 * same way: HTTP 503 with `Retry-After` and the GraphQL error code SERVICE_UNAVAILABLE.
 */
export const DATABASE_UNAVAILABLE = {
  code: 'SERVICE_UNAVAILABLE',
  message: 'Parvis cannot reach its database right now. Try again in a moment.',
  retryAfterSeconds: 5,
} as const;

/** Network failures on the way to PostgreSQL (Node's system error codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL's own words for "not now": class 08 (connection exception), the server shutting
 * down or starting up (57P01-57P03), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** What node-postgres says when a connection breaks or cannot be had in time (no code attached). */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, a `cause`, the attempts of an
 * AggregateError) says the database could not be reached, as opposed to refusing a statement.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (error instanceof DatabaseUnavailableError) return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.startsWith(m))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/**
 * The same failure named once it has been recognised, for layers that pass errors on (GraphQL
 * reports only `Error`s of its own realm faithfully; a socket error raised inside Node is not one
 * under Jest's sandbox, for instance).
 */
export class DatabaseUnavailableError extends Error {
  readonly code = DATABASE_UNAVAILABLE.code;

  constructor(cause: unknown) {
    super(DATABASE_UNAVAILABLE.message, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}
