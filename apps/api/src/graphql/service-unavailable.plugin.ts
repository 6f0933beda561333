import type { ApolloServerPlugin } from '@apollo/server';
import { DATABASE_UNAVAILABLE } from '../common/database-unavailable';

/**
 * The HTTP status of a GraphQL answer that was executed. One that could not reach the database
 * is a 503 with `Retry-After`, like the same failure in the session middleware or a health check,
 * so that load balancers, retrying clients and monitoring see an outage and not a success (the
 * formatter, format-error.ts, named the error). Any other executed answer is a 200 with its errors
 * in the body, whatever status an error carried: this plugin replaces Nest's own reset to 200
 * (`preserveHttpStatusForExecutionErrors: false`), which would also undo the 503. Requests refused
 * before execution (unparsable, invalid) keep Apollo's 400.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const result = response.body.singleResult;
        if (result.errors?.some((error) => error.extensions?.code === DATABASE_UNAVAILABLE.code)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_UNAVAILABLE.retryAfterSeconds));
        } else if ('data' in result) {
          response.http.status = 200;
        }
        return Promise.resolve();
      },
    });
  },
};
