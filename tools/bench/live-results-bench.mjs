// The per-event cost of the object that carries a subscription's results to graphql-ws
// (apps/api/src/events/shared-execution.ts): the built one (an iterator object whose return()
// stops listening at once) against the async generator it replaced (copied below as it was),
// back to back in one process, over the same schema and source of events. Built API required
// (npx nx run api:build). Prints one line per round; compare the ratio, not the times.
//   node tools/bench/live-results-bench.mjs [events per round, default 200000]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const require = createRequire(import.meta.url);
const { buildSchema, createSourceEventStream, execute, parse, print } = require(
  join(ROOT, 'node_modules/graphql'),
);
const { subscribeSharingResults } = require(join(ROOT, 'apps/api/dist/events/shared-execution.js'));
const { fanOutTurn } = require(join(ROOT, 'apps/api/dist/events/fan-out-turns.js'));

const EVENTS = Number(process.argv[2] ?? 200_000);
const ROUNDS = 10;

const schema = buildSchema(`type Query { ok: Boolean } type Subscription { counted: Int }`);
const document = parse(`subscription { counted }`);

/** A source of EVENTS events, each a new object (as LiveEvents hands one per event). */
function source() {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () =>
      i < EVENTS ? { done: false, value: { counted: i++ } } : { done: true, value: undefined },
    return: async () => ({ done: true, value: undefined }),
  };
}
const rootValue = { counted: () => source() };

/** shared-execution.ts before: the same memo of results per event, then an async generator. */
const memo = new WeakMap();
function executeOnce(payload, key, run) {
  let byOperation = memo.get(payload);
  if (!byOperation) memo.set(payload, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) byOperation.set(key, (result = Promise.resolve(run())));
  return result;
}
async function generatorBefore(args) {
  const events = await createSourceEventStream(args);
  const key = `${print(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  const iterator = events[Symbol.asyncIterator]();
  return (async function* results() {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const result = await executeOnce(next.value, key, () => execute({ ...args, rootValue: next.value }));
        await fanOutTurn();
        yield result;
      }
    } finally {
      await iterator.return?.();
    }
  })();
}

async function run(subscribe) {
  const results = await subscribe({ schema, document, rootValue });
  const started = performance.now();
  let n = 0;
  for await (const result of results) if (result.data) n++;
  if (n !== EVENTS) throw new Error(`${n} results of ${EVENTS}`);
  return performance.now() - started;
}

console.log(`${EVENTS} events per round, ${ROUNDS} rounds, the order swapped each round (µs per event)`);
const us = (ms) => (ms * 1000) / EVENTS;
const times = { before: [], now: [] };
for (let round = 1; round <= ROUNDS; round++) {
  const order = round % 2 ? ['before', 'now'] : ['now', 'before'];
  for (const which of order)
    times[which].push(us(await run(which === 'before' ? generatorBefore : subscribeSharingResults)));
  console.log(
    `round ${round}: generator before ${times.before.at(-1).toFixed(2)}, object now ${times.now.at(-1).toFixed(2)}`,
  );
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const [before, now] = [median(times.before), median(times.now)];
console.log(
  `median: before ${before.toFixed(2)} µs, now ${now.toFixed(2)} µs, now/before = ${(now / before).toFixed(3)}`,
);
