import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { sendGraphQLError } from './graphql-error-response';

/** What body-parser reports (the `type` of its http-errors). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * JSON (GraphQL) and URL-encoded (the RFC 8058 one-click unsubscribe) bodies up to `limitBytes`,
 * parsed here rather than by Nest so that the refusal can be answered honestly: a body over the
 * limit is 413, a body that is not the JSON it claims to be is 400, both as a GraphQL error, where
 * Nest let them fall through to `404 Cannot POST /graphql`.
 */
export function requestBody(limitBytes: number): (RequestHandler | ErrorRequestHandler)[] {
  const refused: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      return sendGraphQLError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request is too large: at most ${Math.floor(limitBytes / 1024)} kB are accepted.`,
        { limitBytes },
      );
    }
    if (error.type === 'entity.parse.failed') {
      return sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
    // The other refusals of body-parser (an unsupported charset or encoding, an aborted body).
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return sendGraphQLError(res, error.status, 'BAD_REQUEST', 'The request body cannot be read.');
    }
    next(error);
  };
  return [
    express.json({ limit: limitBytes }),
    express.urlencoded({ extended: false, limit: limitBytes }),
    refused,
  ];
}
