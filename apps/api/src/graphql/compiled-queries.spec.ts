import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  execute,
  GraphQLError,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { CompiledQueries } from './compiled-queries';

class Refused extends Error {
  readonly extensions = { code: 'FORBIDDEN' };
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      double: {
        type: GraphQLInt,
        args: { n: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { n }: { n: number }) => n * 2,
      },
      greeting: {
        type: GraphQLString,
        resolve: (_root, _args, ctx: { name: string }) => `Hello ${ctx.name}`,
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new Refused('Not for you.');
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('plain failure');
        },
      },
    },
  }),
});

async function executorOf(queries: CompiledQueries): Promise<GatewayExecutor> {
  const { executor } = await queries.load();
  return executor!;
}

/** What Apollo hands an executor, reduced to what CompiledQueries reads. */
function request(query: string, variables: Record<string, unknown> = {}, context = { name: 'Ana' }) {
  return {
    request: { query, variables },
    document: parse(query),
    queryHash: query,
    operationName: null,
    context,
  } as unknown as GatewayGraphQLRequestContext;
}

const reference = (query: string, variables: Record<string, unknown> = {}) =>
  execute({ schema, document: parse(query), variableValues: variables, contextValue: { name: 'Ana' } });

describe('CompiledQueries', () => {
  it('answers what graphql-js answers, context and arguments included', async () => {
    const run = await executorOf(new CompiledQueries(schema));
    const query = 'query ($n: Int!) { double(n: $n) greeting }';
    await run(request(query, { n: 1 })); // the first run is interpreted
    expect(await run(request(query, { n: 21 }))).toEqual({ data: { double: 42, greeting: 'Hello Ana' } });
    expect(await run(request(query, { n: 21 }))).toEqual(await reference(query, { n: 21 }));
  });

  it('announces the schema to Apollo when loaded', async () => {
    const queries = new CompiledQueries(schema);
    const seen: GraphQLSchema[] = [];
    queries.onSchemaLoadOrUpdate(({ apiSchema }) => seen.push(apiSchema));
    await queries.load();
    expect(seen).toEqual([schema]);
  });

  it('gives resolver errors as graphql-js GraphQLErrors, with the path, locations and extensions', async () => {
    const run = await executorOf(new CompiledQueries(schema));
    await run(request('{ refused broken greeting }')); // the first run is interpreted
    const result = await run(request('{ refused broken greeting }'));
    expect(result.data).toEqual({ refused: null, broken: null, greeting: 'Hello Ana' });
    const [refused, broken] = result.errors!;
    for (const error of [refused, broken]) expect(error).toBeInstanceOf(GraphQLError);
    expect(refused.originalError).toBeInstanceOf(Refused);
    expect(refused.toJSON()).toEqual({
      message: 'Not for you.',
      path: ['refused'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'FORBIDDEN' },
    });
    // Apollo reads `extensions.code` of every error: an error without extensions still has them.
    expect(broken.extensions).toEqual({});
    expect(broken.path).toEqual(['broken']);
  });

  it('lets graphql-js refuse variables that do not fit, with its own messages', async () => {
    const run = await executorOf(new CompiledQueries(schema));
    const query = 'query ($n: Int!) { double(n: $n) }';
    await run(request(query, { n: 1 })); // the first run is interpreted
    for (const variables of [{}, { n: 'two' }, { n: 2.5 }]) {
      const result = await run(request(query, variables));
      expect(result.data).toBeUndefined();
      expect(result).toEqual(await reference(query, variables));
    }
  });

  it('interprets an operation on its first run and compiles it on its second', async () => {
    const queries = new CompiledQueries(schema);
    const run = await executorOf(queries);
    expect(await run(request('{ greeting }'))).toEqual({ data: { greeting: 'Hello Ana' } });
    expect(queries.holds('{ greeting }')).toBe(false);
    expect(await run(request('{ greeting }'))).toEqual({ data: { greeting: 'Hello Ana' } });
    expect(queries.holds('{ greeting }')).toBe(true);
    expect(await run(request('{ greeting }'))).toEqual({ data: { greeting: 'Hello Ana' } });
    expect(queries.size).toBe(1);
  });

  it('keeps at most its limit of operations compiled, dropping the least recently used', async () => {
    const queries = new CompiledQueries(schema, 2);
    const run = await executorOf(queries);
    const twice = async (query: string) => {
      await run(request(query));
      return run(request(query));
    };
    await twice('{ greeting }');
    await twice('{ double(n: 1) }');
    await run(request('{ greeting }')); // used again: now the most recent
    await twice('{ double(n: 2) }'); // a third: `double(n: 1)` goes
    expect(queries.size).toBe(2);
    expect(queries.holds('{ double(n: 1) }')).toBe(false);
    expect(queries.holds('{ greeting }')).toBe(true);
    expect(queries.holds('{ double(n: 2) }')).toBe(true);
    expect(await twice('{ double(n: 1) }')).toEqual({ data: { double: 2 } }); // compiled again
    expect(queries.holds('{ double(n: 1) }')).toBe(true);
    expect(queries.holds('{ greeting }')).toBe(false);
  });
});
