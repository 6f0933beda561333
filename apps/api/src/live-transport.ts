import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  OperationTypeNode,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { GraphQLContext, RequestWithViewer, Viewer } from './common/viewer';
import { subscribeSharingResults } from './events/shared-execution';
import { LiveSessions } from './identity/live-sessions.service';

/**
 * graphql-ws options @nestjs/graphql hands to its server: its declared type lists the callbacks
 * only, but every option is passed through (GqlSubscriptionService spreads them), and
 * `validate` is how the WebSocket gets the same validation rules as HTTP (live.int-spec.ts
 * proves it refuses a mutation and a too-costly subscription), and `subscribe` how one event is
 * executed once for all the subscribers who would get the same result.
 */
type GraphQLWsOptions = GraphQLWsSubscriptionsConfig &
  Pick<ServerOptions, 'validate' | 'subscribe' | 'onNext'>;

/** What graphql-ws's `ws` adapter puts in a connection's `extra` (graphql-ws/use/ws). */
interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** Who opened each live connection, from its upgrade request's session cookie. */
const viewersBySocket = new WeakMap<object, Viewer>();

/**
 * GraphQL subscriptions over the `graphql-ws` protocol, on the API's own port and path
 * (`/graphql`): the same schema, rules and viewer as HTTP. The connection is authenticated by the
 * session cookie of its upgrade request (LiveSessions, which also closes it when the session
 * ends). Only subscriptions travel over it: queries and mutations stay on HTTP, where Apollo's
 * CSRF prevention and the session cookie's writes apply.
 */
export function liveTransport(
  sessions: LiveSessions,
  extraRules: ValidationRule[],
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): NonNullable<ApolloDriverConfig['subscriptions']> {
  return {
    'graphql-ws': {
      path: '/graphql',
      onConnect: async (ctx: Context<Record<string, unknown>, Extra>) => {
        viewersBySocket.set(ctx.extra.socket, await sessions.connect(ctx.extra.request, ctx.extra.socket));
        return true;
      },
      onClose: (ctx: Context<Record<string, unknown>, Extra>) => sessions.disconnect(ctx.extra.socket),
      subscribe: subscribeSharingResults,
      // The same error formatter as HTTP: a live page's errors carry code, field and reason too.
      onNext: (_ctx, _id, _payload, _args, result) =>
        'errors' in result && result.errors
          ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
          : result,
      validate: (schema, document) => {
        const notSubscriptions = document.definitions.some(
          (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== OperationTypeNode.SUBSCRIPTION,
        );
        if (notSubscriptions) {
          return [
            new GraphQLError(
              'Only subscriptions are served over the WebSocket: send queries and mutations over HTTP.',
            ),
          ];
        }
        return validate(schema, document, [...specifiedRules, ...extraRules]);
      },
    } as GraphQLWsOptions,
  };
}

/**
 * The GraphQL context of a request: an HTTP request's own, or for a WebSocket operation
 * (graphql-ws calls the same `context` option with its connection) the viewer found when the
 * connection opened.
 */
export function graphqlContext(
  arg: GraphQLContext | Context<Record<string, unknown>, Extra>,
): GraphQLContext {
  if (!('extra' in arg)) return { req: arg.req, res: arg.res };
  return {
    req: { viewer: viewersBySocket.get(arg.extra.socket) ?? null } as RequestWithViewer,
    // A subscription writes no cookie: there is no HTTP response to write it to.
    res: undefined as unknown as GraphQLContext['res'],
  };
}
