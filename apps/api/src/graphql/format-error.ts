import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../common/database-unavailable';
import { DomainError, ErrorCode } from '../common/domain-error';

const logger = new Logger('GraphQL');

/** Codes that GraphQL itself reports for a malformed request: passed on as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * GraphQL's "Did you mean …?" names fields and types close to the one asked for: with
 * introspection off (production), it would still let a client map the schema by guessing.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * The one place where errors become what clients see: a domain error keeps its code, its
 * sentence, its field and its reason (with the values the reason speaks of); an error GraphQL
 * raised about the request itself keeps its code (its reason is the code); an unreachable
 * database is SERVICE_UNAVAILABLE (answered with HTTP 503, see service-unavailable.plugin.ts);
 * anything else is our fault, logged here and shown as a generic sentence without a trace.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: exhaustiveCode(original.code),
        ...(original.field ? { field: original.field } : {}),
        ...original.details,
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, reason: code },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: DATABASE_UNAVAILABLE.message,
      path: formatted.path,
      extensions: { code: DATABASE_UNAVAILABLE.code, reason: DATABASE_UNAVAILABLE.code },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : formatted.message);
  return {
    message: 'Something went wrong on our side. Try again in a moment.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_SERVER_ERROR' },
  };
}

/** `formatError`, and in production without GraphQL's field suggestions. */
export function formatErrorFor(
  env: 'development' | 'production' | 'test',
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (env !== 'production') return formatError;
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return { ...result, message: result.message.replace(SUGGESTION, '') };
  };
}

function exhaustiveCode(code: ErrorCode): ErrorCode {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'RATE_LIMITED':
      return code;
    default: {
      const unknown: never = code;
      return unknown;
    }
  }
}
