import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import {
  DATABASE_UNAVAILABLE,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from '../common/database-unavailable';
import { sendGraphQLError } from './graphql-error-response';

/** One warning per this many milliseconds while the database stays away, not one per request. */
const WARN_EVERY_MS = 10_000;

/**
 * An HTTP request that failed because PostgreSQL cannot be reached, wherever it failed (the
 * session middleware reading the cookie's session, a controller), is answered 503 with
 * `Retry-After` and the GraphQL error SERVICE_UNAVAILABLE instead of a bare 500. Every other
 * error keeps Nest's own answer; inside GraphQL execution the error goes on to GraphQL's formatter
 * (graphql/format-error.ts), which names the same failure the same way.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Database');
  private lastWarning = 0;

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // This filter sees every error first (the last global filter registered is asked first).
    // GraphQL execution: hand the error on to GraphQL's formatter, as Nest itself would.
    if (host.getType() !== 'http') {
      throw isDatabaseUnavailable(exception) ? new DatabaseUnavailableError(exception) : exception;
    }
    if (!isDatabaseUnavailable(exception)) return super.catch(exception, host);
    this.warn(exception);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return res.end();
    res.setHeader('Retry-After', String(DATABASE_UNAVAILABLE.retryAfterSeconds));
    sendGraphQLError(res, 503, DATABASE_UNAVAILABLE.code, DATABASE_UNAVAILABLE.message);
    return undefined;
  }

  private warn(exception: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `PostgreSQL cannot be reached (${exception instanceof Error ? exception.message : String(exception)}): answering 503.`,
    );
  }
}
