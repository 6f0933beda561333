import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What one live subscription received so far, and how it ended. */
export interface LiveSubscription<T = Record<string, any>> {
  /** Every `data` received, in order. */
  readonly received: T[];
  /** Every GraphQL error received. */
  readonly errors: { message: string; extensions?: Record<string, unknown> }[];
  /** The raw text of every message the socket received (to prove some text never arrived). */
  readonly rawMessages: string[];
  /** Resolves with the first received data (from now on, or already received) matching `match`. */
  next(match: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** The close code of the socket, once it closed. */
  closed: Promise<number>;
  /** Settles when the server ended the subscription (an error, or complete). */
  ended: Promise<void>;
  dispose(): void;
}

/**
 * A browser's live connection to `/graphql` (graphql-ws over `ws`), with its cookie and Origin
 * as a browser page on the API's own origin would send them.
 */
export function subscribe<T = Record<string, any>>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { cookie?: string | null; origin?: string } = {},
): LiveSubscription<T> {
  const url = `${httpUrl.replace(/^http/, 'ws')}/graphql`;
  const headers: Record<string, string> = { origin: options.origin ?? httpUrl };
  if (options.cookie) headers.cookie = options.cookie;
  const rawMessages: string[] = [];
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      this.on('message', (message: Buffer) => rawMessages.push(message.toString()));
    }
  }
  const client: Client = createClient({
    url,
    webSocketImpl: BrowserLikeSocket,
    retryAttempts: 0,
    lazy: false,
    // A refused or closed connection is what some tests expect: `closed` reports it.
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  const received: T[] = [];
  const errors: LiveSubscription['errors'] = [];
  const waiters = new Set<() => void>();
  let onEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (onEnded = resolve));
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.data) received.push(result.data);
        if (result.errors) errors.push(...(result.errors as LiveSubscription['errors']));
        waiters.forEach((wake) => wake());
      },
      error: (error) => {
        if (Array.isArray(error)) errors.push(...(error as LiveSubscription['errors']));
        waiters.forEach((wake) => wake());
        onEnded();
      },
      complete: () => onEnded(),
    },
  );
  return {
    received,
    errors,
    rawMessages,
    closed,
    ended,
    next(match, timeoutMs = 60_000) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`No matching live event within ${timeoutMs} ms; received ${JSON.stringify(received)}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    dispose: () => void client.dispose(),
  };
}

/**
 * Resolves once the API process at `httpUrl` serves exactly `count` live subscriptions (its
 * `/health` says how many; one process: start it with WEB_CONCURRENCY=1, else each answer is one
 * of its cluster's processes): those just opened are registered, and will receive every event
 * published from now on; those just disposed are gone. An event published before a
 * subscription is registered never reaches it, so a test waits for this, not for a while.
 */
export async function subscriptionsServed(httpUrl: string, count: number): Promise<void> {
  let served: number | undefined;
  for (;;) {
    const health = (await (await fetch(`${httpUrl}/health`)).json()) as { liveSubscriptions?: number };
    served = health.liveSubscriptions;
    if (served === count) return;
    if (served === undefined) throw new Error(`${httpUrl}/health does not count live subscriptions`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
