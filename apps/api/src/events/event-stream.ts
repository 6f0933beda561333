import { Logger } from '@nestjs/common';

/** Past this many undelivered events a subscriber is too slow: the oldest are dropped. */
const MAX_QUEUED = 500;

const logger = new Logger('LiveEvents');

/**
 * One subscriber's events as an async iterator (what a GraphQL subscription returns). Each event
 * arrives as a promise of what this subscriber may receive (null: nothing for them); they are
 * handed out in the order they arrived. `return()` (the client unsubscribed or left) stops
 * listening.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: Promise<T | null>[] = [];
  private wake: (() => void) | null = null;
  private done = false;
  private readonly unsubscribe: () => void;

  constructor(
    subscribe: (push: (value: Promise<T | null>) => void) => () => void,
    first?: Promise<T | null>,
  ) {
    if (first) this.push(first);
    this.unsubscribe = subscribe((value) => this.push(value));
  }

  private push(value: Promise<T | null>): void {
    if (this.done) return;
    // A failed load must not end the subscription: the subscriber misses that one event.
    this.queue.push(
      value.catch((error: Error) => {
        logger.warn(`A live event could not be prepared: ${error.message}`);
        return null;
      }),
    );
    if (this.queue.length > MAX_QUEUED) void this.queue.shift();
    this.wake?.();
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      const head = this.queue.shift();
      if (!head) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const value = await head;
      if (value !== null && !this.done) return { value, done: false };
    }
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.queue.length = 0;
      this.unsubscribe();
      this.wake?.();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
