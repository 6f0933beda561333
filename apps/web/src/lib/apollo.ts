import { ApolloClient, HttpLink, InMemoryCache, type FieldPolicy, type Reference } from '@apollo/client';

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

/** The app's cache: one object per id, and the paged lists joined (tests use it too). */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Thread: { fields: { posts: cursorPages() } },
      Idea: { fields: { comments: cursorPages() } },
    },
  });
}

/**
 * The one Apollo client. The session is an httpOnly cookie on the same origin, so requests
 * carry it without any token handling here; JSON requests also satisfy the API's CSRF check.
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: createCache(),
  });
}
