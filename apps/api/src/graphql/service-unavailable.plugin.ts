import type { ApolloServerPlugin } from '@apollo/server';
import { DATABASE_UNAVAILABLE } from '../common/database-unavailable';

/**
 * A GraphQL answer that could not reach the database is a 503 with `Retry-After`, like the same
 * failure in the session middleware or a health check, so that load balancers, retrying clients
 * and monitoring see an outage and not a success (Apollo answers 200 for errors raised while
 * executing). The error itself was named by the formatter (format-error.ts).
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const unavailable = response.body.singleResult.errors?.some(
          (error) => error.extensions?.code === DATABASE_UNAVAILABLE.code,
        );
        if (unavailable) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_UNAVAILABLE.retryAfterSeconds));
        }
        return Promise.resolve();
      },
    });
  },
};
