/**
 * The error codes of DESIGN.md §4. Services throw a DomainError; the GraphQL error formatter
 * turns it into `extensions.code` (and `extensions.field` for bad input). Its message is a
 * sentence a person can act on, shown as is in the web app.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For BAD_USER_INPUT and CONFLICT on one field: the input field's name. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to do this.') =>
  new DomainError('UNAUTHENTICATED', message);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
