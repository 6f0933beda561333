import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Distinct operations kept compiled per process (the web app sends a few dozen). */
export const COMPILED_QUERIES_KEPT = 500;

/**
 * Runs each GraphQL operation as JavaScript compiled for it (graphql-jit), instead of graphql-js
 * walking the operation's fields for every response: the thread page resolves some 1,500 fields,
 * and that walk was the largest share of the API's processor time per page.
 *
 * Apollo Server lets a "gateway" bring the function that executes an operation; this is one,
 * over the schema Nest builds (CompiledApolloDriver below hands it over). Everything before
 * execution (parsing, validation with Parvis's depth and cost rules, the plugins) and after it
 * (error formatting) stays Apollo's.
 *
 * An operation is compiled the second time it is run, not the first: compiling the thread page
 * costs some 7 ms, ten pages' worth, which a client sending a new operation each time (a
 * varying alias) could otherwise make the server pay at every request. The first run is
 * interpreted, as it was before; the web app's operations are all run again within moments.
 *
 * graphql-jit follows graphql-js's semantics for every field that has a resolver or is a plain
 * property, which is how Nest's code-first types are made. Where it would answer differently,
 * graphql-js answers instead:
 * - an operation graphql-jit cannot compile is interpreted (and remembered so);
 * - a request refused before any resolver ran (variables that do not fit their types) is
 *   answered by graphql-js, whose messages and BAD_USER_INPUT code Apollo and clients know.
 * Errors raised while resolving are turned into graphql-js's own GraphQLError (graphql-jit's
 * carry no `extensions` when the original error has none, which Apollo's formatting reads).
 */
export class CompiledQueries implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  /** By operation, most recently used last (a Map iterates in insertion order). */
  private readonly compiled = new Map<string, CompiledQuery | 'interpret'>();
  /** Operations run once so far, interpreted: compiled if they come again. */
  private readonly seenOnce = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly kept = COMPILED_QUERIES_KEPT,
  ) {}

  /** How many operations are kept compiled. */
  get size(): number {
    return this.compiled.size;
  }

  /** Whether the operation of this query hash (and name) is kept compiled. */
  holds(queryHash: string, operationName: string | null = null): boolean {
    return this.compiled.has(keyOf(queryHash, operationName));
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  load(): Promise<GatewayLoadResult> {
    for (const listener of this.listeners) listener({ apiSchema: this.schema, coreSupergraphSdl: '' });
    return Promise.resolve({ executor: (request) => this.execute(request) });
  }

  stop(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  private async execute(request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const variables = request.request.variables ?? {};
    const compiled = this.compiledFor(request);
    if (compiled !== 'interpret') {
      const result = await compiled.query(undefined, request.context, variables);
      if (!refusedBeforeResolving(result)) return { ...result, errors: result.errors?.map(asGraphQLError) };
    }
    return execute({
      schema: this.schema,
      document: request.document,
      contextValue: request.context,
      variableValues: variables,
      operationName: request.operationName ?? undefined,
    });
  }

  /** The operation compiled, or 'interpret' on its first run and for what cannot be compiled. */
  private compiledFor(request: GatewayGraphQLRequestContext): CompiledQuery | 'interpret' {
    const key = keyOf(request.queryHash, request.operationName);
    let compiled = this.compiled.get(key);
    if (compiled) {
      this.compiled.delete(key); // set again below, at the end: the most recently used
    } else if (!this.seenOnce.has(key)) {
      if (this.seenOnce.size >= this.kept) this.seenOnce.clear();
      this.seenOnce.add(key);
      return 'interpret';
    } else {
      this.seenOnce.delete(key);
      const made = compileQuery(this.schema, request.document, request.operationName ?? undefined);
      compiled = isCompiledQuery(made) ? made : 'interpret';
      if (this.compiled.size >= this.kept) this.compiled.delete(this.compiled.keys().next().value!);
    }
    this.compiled.set(key, compiled);
    return compiled;
  }
}

function keyOf(queryHash: string, operationName: string | null): string {
  return `${queryHash}\n${operationName ?? ''}`;
}

/** No data and no error with a path: refused before execution began (its variables). */
function refusedBeforeResolving(result: { data?: unknown; errors?: readonly GraphQLError[] }): boolean {
  return (
    (result.data === null || result.data === undefined) &&
    result.errors !== undefined &&
    result.errors.length > 0 &&
    result.errors.every((error) => !error.path)
  );
}

function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) Object.assign(converted, { locations: error.locations });
  return converted;
}

/**
 * Nest's Apollo driver, starting Apollo Server with CompiledQueries over the schema Nest built.
 * (Nest's option type leaves `gateway` out, being for its own federation gateway driver; the
 * driver passes its options on to Apollo Server as they are.)
 */
@Injectable()
export class CompiledApolloDriver extends ApolloDriver {
  /** The operations this process runs compiled (set once started). */
  compiledQueries: CompiledQueries | null = null;

  override async start(options: ApolloDriverConfig): Promise<void> {
    if (!options.schema) throw new Error('CompiledApolloDriver: Nest gave no schema to run.');
    this.compiledQueries = new CompiledQueries(options.schema);
    const withExecutor: ApolloDriverConfig & { gateway: GatewayInterface } = {
      ...options,
      gateway: this.compiledQueries,
    };
    await super.start(withExecutor);
  }
}
