import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL refusing a row because of the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/** True when `error` is PostgreSQL refusing a write because of the named check (a constraint or a trigger). */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23514' && driverError.constraint === constraint;
}
