/**
 * The error codes of DESIGN.md §4. Services throw a DomainError; the GraphQL error formatter
 * turns it into `extensions.code`, `extensions.field` for bad input and `extensions.reason`, the
 * machine-readable cause a client translates (with its values, such as `max` or `retryAfter`).
 * Its message is an English sentence a person can act on, kept for API clients.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

/** A reason in SCREAMING_SNAKE_CASE (e.g. `THREAD_NOT_FOUND`), or one with the values it speaks of. */
export type ErrorReason = string | ({ reason: string } & Record<string, string | number>);

/** The reason of an error that names none: the code itself says enough. */
const DEFAULT_REASONS: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'INVALID',
  UNAUTHENTICATED: 'SIGN_IN_REQUIRED',
  FORBIDDEN: 'NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
};

export class DomainError extends Error {
  /** The reason and its values, e.g. `{ reason: 'TOO_LONG', max: 40 }`. */
  readonly details: { reason: string } & Record<string, string | number>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For BAD_USER_INPUT and CONFLICT on one field: the input field's name. */
    readonly field?: string,
    reason?: ErrorReason,
  ) {
    super(message);
    this.name = 'DomainError';
    this.details = typeof reason === 'string' ? { reason } : (reason ?? { reason: DEFAULT_REASONS[code] });
  }
}

export const badInput = (field: string, message: string, reason?: ErrorReason) =>
  new DomainError('BAD_USER_INPUT', message, field, reason);
export const notFound = (message: string, reason?: ErrorReason) =>
  new DomainError('NOT_FOUND', message, undefined, reason);
export const forbidden = (message: string, reason?: ErrorReason) =>
  new DomainError('FORBIDDEN', message, undefined, reason);
export const unauthenticated = (message = 'Sign in to do this.', reason?: ErrorReason) =>
  new DomainError('UNAUTHENTICATED', message, undefined, reason);
export const conflict = (message: string, field?: string, reason?: ErrorReason) =>
  new DomainError('CONFLICT', message, field, reason);
