import {
  ApolloClient,
  ApolloLink,
  DocumentTransform,
  HttpLink,
  InMemoryCache,
  type FieldPolicy,
  type Reference,
  type StoreObject,
} from '@apollo/client';
import type { ModifierDetails } from '@apollo/client/cache';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { Kind, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { getI18n } from 'react-i18next';

interface PagedList {
  totalCount: number;
  edges: unknown[];
}

interface Connection {
  edges: { node: Reference }[];
  pageInfo: unknown;
}

/**
 * A connection read page after page (`first`, then `after: endCursor`): the pages join in one
 * list, whatever `after` was, so a page's query reads every reply loaded so far; a first page
 * (no `after`) starts the list again. A post already there (a reply added to the cache just
 * after it was posted) is not listed twice.
 */
function cursorPages(): FieldPolicy<Connection> {
  return {
    keyArgs: false,
    merge(existing, incoming, { args, readField }) {
      if (!existing || !args?.after) return incoming;
      const seen = new Set(existing.edges.map((edge) => readField<string>('id', edge.node)));
      const added = incoming.edges.filter((edge) => !seen.has(readField<string>('id', edge.node)));
      return { ...incoming, edges: [...existing.edges, ...added] };
    },
  };
}

/**
 * A cache modifier for a paged connection (`posts`, `comments`): the node just created (as a
 * mutation returned it) joins the end of the loaded list, and the count grows by one.
 */
export function appendToConnection(node: StoreObject) {
  return (
    connection: PagedList | Reference,
    { isReference, toReference }: ModifierDetails,
  ): PagedList | Reference =>
    isReference(connection)
      ? connection
      : {
          ...connection,
          totalCount: connection.totalCount + 1,
          edges: [
            ...connection.edges,
            { __typename: `${String(node.__typename)}Edge`, node: toReference(node) },
          ],
        };
}

/**
 * A closed account's name is stored as "Former member": shown in the reader's language, from its
 * `closed` mark (which `withClosedMarks` asks for wherever a name is).
 */
const formerMemberName: FieldPolicy<string> = {
  read(displayName, { readField }) {
    return readField<boolean>('closed')
      ? (getI18n()?.t('identity:formerMember') ?? displayName)
      : displayName;
  },
};

/**
 * The app's cache: one object per id, and the paged lists joined (tests use it too). A thread's
 * answer clocks (`Sla`, no id of their own) merge field by field, so an answer that brings a few
 * of them (a live event, an assignment) does not drop the others and send the page's query again.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Sla: { merge: true },
      Thread: { fields: { posts: cursorPages() } },
      Idea: { fields: { comments: cursorPages() } },
      User: { fields: { displayName: formerMemberName } },
    },
  });
}

/**
 * Every selection of a person's `displayName` also asks for `closed` (only User has a
 * displayName), so that no query can forget it and show a closed account's name untranslated.
 */
export const withClosedMarks = new DocumentTransform((document) =>
  visit(document, {
    SelectionSet(node: SelectionSetNode): SelectionSetNode | undefined {
      const fields = node.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
      const names = fields.filter((f) => !f.alias).map((f) => f.name.value);
      if (!names.includes('displayName') || names.includes('closed')) return undefined;
      const closed: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'closed' } };
      return { ...node, selections: [...node.selections, closed] };
    },
  }),
);

/**
 * The one Apollo client. The session is an httpOnly cookie on the same origin, so requests
 * carry it without any token handling here; JSON requests also satisfy the API's CSRF check.
 * Subscriptions (live pages) go over a WebSocket on the same path, opened with the same cookie
 * when the first subscription starts, and opened again after a drop (a closed session reconnects
 * as a visitor).
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  const http = readerLanguage.concat(new HttpLink({ uri, credentials: 'same-origin' }));
  const link =
    typeof window === 'undefined' || typeof WebSocket === 'undefined'
      ? http
      : ApolloLink.split(
          ({ query }) => isSubscriptionOperation(query),
          new GraphQLWsLink(createClient({ url: webSocketUrl(uri), lazy: true, retryAttempts: 20 })),
          http,
        );
  return new ApolloClient({ link, cache: createCache(), documentTransform: withClosedMarks });
}

/**
 * Every request says the interface's language (Accept-Language), in which the API answers the
 * texts it holds in several (space names and descriptions). A switch of language asks the page's
 * queries again (Providers), so no text stays in the previous language.
 */
const readerLanguage = new ApolloLink((operation, forward) => {
  const language = getI18n()?.resolvedLanguage;
  if (language) {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'accept-language': language },
    }));
  }
  return forward(operation);
});

/** `/graphql` on this page's host, as ws:// or wss://. */
function webSocketUrl(uri: string): string {
  const url = new URL(uri, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
