import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  print,
} from 'graphql';
import { fanOutTurn } from './fan-out-turns';

/**
 * `subscribe` for the WebSocket server (graphql-js's, but executing each event once per
 * identical subscription). graphql-js runs the subscription's selection for every subscriber and
 * every event; 1,000 visitors on a thread page would mean 1,000 identical executions per reply.
 * Here an event payload that several subscribers share (the same object: LiveEvents hands one
 * per event and per viewer, see `Delivery.once`) is executed once per operation text and variables,
 * and the result is sent to each of them. Payloads made per subscriber are executed for each, as
 * graphql-js would. Either way the sends are spread over turns of the event loop (fanOutTurn), so
 * that a crowd of subscribers does not hold up the requests arriving meanwhile.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<LiveResults | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = `${operationText(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  const iterator = source[Symbol.asyncIterator]();
  // Not an async generator: a generator waiting for the next event runs its `return()` only once
  // that event arrives, so a subscriber who left a quiet thread stayed registered (and held in
  // memory) until someone replied. Here `return()` stops listening at once.
  const results: LiveResults = {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      const next = await iterator.next();
      if (next.done) return { done: true, value: undefined };
      const result = await executeOnce(next.value, key, () => execute({ ...args, rootValue: next.value }));
      // The send follows: it waits for its slice (fan-out-turns.ts).
      await fanOutTurn();
      return { done: false, value: result };
    },
    async return(): Promise<IteratorResult<ExecutionResult>> {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
}

/** The results of one subscription; `return()` (the subscriber left) is what graphql-ws calls. */
type LiveResults = AsyncIterableIterator<ExecutionResult> &
  Required<Pick<AsyncIterator<ExecutionResult>, 'return' | 'throw'>>;

const texts = new WeakMap<DocumentNode, string>();
function operationText(document: DocumentNode): string {
  let text = texts.get(document);
  if (text === undefined) texts.set(document, (text = print(document)));
  return text;
}

const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
function executeOnce(
  payload: unknown,
  key: string,
  run: () => ExecutionResult | Promise<ExecutionResult>,
): Promise<ExecutionResult> {
  if (typeof payload !== 'object' || payload === null) return Promise.resolve(run());
  let byOperation = results.get(payload);
  if (!byOperation) results.set(payload, (byOperation = new Map<string, Promise<ExecutionResult>>()));
  let result = byOperation.get(key);
  if (!result) byOperation.set(key, (result = Promise.resolve(run())));
  return result;
}
