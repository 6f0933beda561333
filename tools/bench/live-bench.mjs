// `npm run bench:live`: live pages under load. 1,000 visitors keep one thread page open (1,000
// WebSocket connections, each subscribed with the web app's own ThreadRouteLive subscription);
// staff reply. Measures how long until the LAST subscriber has the reply, and the reply's own
// latency without and with the 1,000 subscribers. Built app required (npm run build first); writes
// nothing: copy the output into tools/bench/RESULTS.md with the date and the machine.
// The API runs as `npm start` runs it: WEB_CONCURRENCY processes (default: one per core), the
// subscribers' connections spread over them; `WEB_CONCURRENCY=1` measures a single process.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { graphql, ROOT, startParvis, webOperations } from './harness.mjs';

const require = createRequire(import.meta.url);
const { createClient } = require(join(ROOT, 'node_modules/graphql-ws'));
const WebSocket = require(join(ROOT, 'node_modules/ws'));

const SUBSCRIBERS = Number(process.env.LIVE_BENCH_SUBSCRIBERS ?? 1000);
const REPLIES = 100;
const WARM_UP = 20;
const FAN_OUT_ROUNDS = 10;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => n.toFixed(1);

/** Times `REPLIES` replies, one after the other, each once everyone has the previous one. */
async function replyLatency(url, cookie, threadId, waitForAll) {
  const latencies = [];
  for (let i = 0; i < REPLIES + WARM_UP; i++) {
    const t0 = performance.now();
    const { data } = await graphql(
      url,
      'mutation ($input: ReplyInput!) { reply(input: $input) { id } }',
      { input: { threadId, bodyMarkdown: `Latency probe ${i}: restart the router, then the app.` } },
      cookie,
    );
    if (i >= WARM_UP) latencies.push(performance.now() - t0);
    await waitForAll(data.reply.id);
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    mean: latencies.reduce((a, b) => a + b) / latencies.length,
  };
}

if (!isMainThread) {
  await runSubscribers(workerData);
} else {
  await main();
}

/** The worker: `count` WebSocket connections subscribed to the thread; answers when all have a reply. */
async function runSubscribers({ url, threadId, subscription, count }) {
  const arrivals = new Map(); // reply id -> absolute receipt times
  const asked = new Map(); // reply id -> answer once complete
  const complete = (id) => {
    const times = arrivals.get(id);
    if (!asked.has(id) || (times?.length ?? 0) < count) return;
    asked.get(id)({ id, first: Math.min(...times), last: Math.max(...times) });
    asked.delete(id);
  };
  const wsUrl = `${url.replace('http', 'ws')}/graphql`;
  const clients = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    clients.push(client);
    client.subscribe(
      { query: subscription, variables: { threadId } },
      {
        next: ({ data: event, errors }) => {
          if (errors) throw new Error(JSON.stringify(errors));
          const id = event?.threadEvents?.post?.id;
          if (!id) return;
          const times = arrivals.get(id) ?? [];
          times.push(performance.timeOrigin + performance.now());
          arrivals.set(id, times);
          complete(id);
        },
        error: (error) => console.error('subscription error', error),
        complete: () => undefined,
      },
    );
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50)); // do not flood the accept queue
  }
  parentPort.on('message', ({ id }) => {
    const timer = setTimeout(() => {
      asked.delete(id);
      parentPort.postMessage({ id, error: `only ${arrivals.get(id)?.length ?? 0} of ${count} got ${id}` });
    }, 10_000);
    asked.set(id, (message) => {
      clearTimeout(timer);
      parentPort.postMessage(message);
    });
    complete(id);
  });
  parentPort.postMessage({ id: 'ready' });
}

async function main() {
  const parvis = await startParvis({ port: 3910 });
  const sockets = [];
  try {
    const operations = await webOperations();
    const subscription = operations.ThreadRouteLive;
    if (!subscription) throw new Error(`${ROOT}: the web app has no ThreadRouteLive subscription`);
    const { cookie } = await graphql(
      parvis.url,
      'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }',
      {
        i: { email: 'staff@parvis.test', password: 'parvis-demo-2026' },
      },
    );
    const { data } = await graphql(parvis.url, '{ spaces { id kind } }');
    const help = data.spaces.find((s) => s.kind === 'HELP').id;
    const created = await graphql(
      parvis.url,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      {
        input: {
          spaceId: help,
          title: 'Live benchmark thread',
          bodyMarkdown: 'Everyone is watching.',
          language: 'en',
        },
      },
      cookie,
    );
    const threadId = created.data.createThread.id;

    // Without subscribers: nobody to wait for.
    const alone = await replyLatency(parvis.url, cookie, threadId, async () => undefined);

    // 1,000 visitors open the page, in a worker thread: their 1,000 messages per reply must not
    // hold up this thread, which times the replies (on a 2-core machine they still share the CPU).
    const subscribers = new Worker(new URL(import.meta.url), {
      workerData: { url: parvis.url, threadId, subscription, count: SUBSCRIBERS },
    });
    sockets.push({ dispose: () => subscribers.terminate() });
    const pending = new Map();
    subscribers.on('message', (message) => pending.get(message.id)?.(message));
    subscribers.on('error', (error) => console.error(error));
    await new Promise((resolve) => pending.set('ready', resolve));
    /** Resolves with the absolute times the first and the last subscriber had reply `id`. */
    const waitForAll = (id) =>
      new Promise((resolve, reject) => {
        pending.set(id, (message) => (message.error ? reject(new Error(message.error)) : resolve(message)));
        subscribers.postMessage({ id });
      });
    const now = () => performance.timeOrigin + performance.now();

    // Until every subscription is registered on the server, a reply reaches fewer than all of them.
    for (let attempt = 0; ; attempt++) {
      const { data: warm } = await graphql(
        parvis.url,
        'mutation ($input: ReplyInput!) { reply(input: $input) { id } }',
        { input: { threadId, bodyMarkdown: `Warm-up ${attempt}.` } },
        cookie,
      );
      try {
        await waitForAll(warm.reply.id);
        break;
      } catch (error) {
        if (attempt === 10) throw error;
      }
    }

    // Fan-out: from sending the reply to the last subscriber having it.
    const fanOuts = [];
    const firsts = [];
    for (let round = 0; round < FAN_OUT_ROUNDS; round++) {
      const t0 = now();
      const { data: sent } = await graphql(
        parvis.url,
        'mutation ($input: ReplyInput!) { reply(input: $input) { id } }',
        { input: { threadId, bodyMarkdown: `Round ${round}: it works again, thanks!` } },
        cookie,
      );
      const { first, last } = await waitForAll(sent.reply.id);
      fanOuts.push(last - t0);
      firsts.push(first - t0);
      await new Promise((r) => setTimeout(r, 200));
    }
    fanOuts.sort((a, b) => a - b);
    firsts.sort((a, b) => a - b);

    const watched = await replyLatency(parvis.url, cookie, threadId, waitForAll);
    // The same replies on a thread nobody watches, the 1,000 connections still open: what open
    // subscriptions cost a request that triggers no fan-out.
    const other = await graphql(
      parvis.url,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      { input: { spaceId: help, title: 'Unwatched thread', bodyMarkdown: 'Nobody here.', language: 'en' } },
      cookie,
    );
    const unwatched = await replyLatency(
      parvis.url,
      cookie,
      other.data.createThread.id,
      async () => undefined,
    );

    console.log(`| measure | value |`);
    console.log(`|---|---|`);
    console.log(`| subscribers (WebSocket connections, one thread) | ${SUBSCRIBERS} |`);
    console.log(`| API processes (WEB_CONCURRENCY) | ${process.env.WEB_CONCURRENCY ?? 'one per core'} |`);
    console.log(
      `| reply sent → first subscriber has it, median of ${FAN_OUT_ROUNDS} | ${ms(pct(firsts, 50))} ms |`,
    );
    console.log(
      `| reply sent → LAST subscriber has it, median of ${FAN_OUT_ROUNDS} | ${ms(pct(fanOuts, 50))} ms |`,
    );
    console.log(
      `| reply sent → LAST subscriber has it, worst of ${FAN_OUT_ROUNDS} | ${ms(fanOuts.at(-1))} ms |`,
    );
    console.log(
      `| reply latency, no subscriber: p50 / p95 / mean of ${REPLIES} | ${ms(alone.p50)} / ${ms(alone.p95)} / ${ms(alone.mean)} ms |`,
    );
    console.log(
      `| reply latency, ${SUBSCRIBERS} subscribers: p50 / p95 / mean of ${REPLIES} | ${ms(watched.p50)} / ${ms(watched.p95)} / ${ms(watched.mean)} ms |`,
    );
    console.log(
      `| reply latency on an unwatched thread, ${SUBSCRIBERS} connections open: p50 / p95 / mean of ${REPLIES} | ${ms(unwatched.p50)} / ${ms(unwatched.p95)} / ${ms(unwatched.mean)} ms |`,
    );
    console.log(
      `| change of the reply's p50 with the subscribers | ${(((watched.p50 - alone.p50) / alone.p50) * 100).toFixed(1)} % |`,
    );
  } finally {
    await Promise.all(sockets.map((client) => client.dispose()));
    await parvis.stop();
  }
}
