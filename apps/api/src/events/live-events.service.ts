import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Notification } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { GraphQLContext, Viewer } from '../common/viewer';
import { EventStream } from './event-stream';

/** The one PostgreSQL channel every API process LISTENs on. */
export const LIVE_CHANNEL = 'parvis_live';

/** The arguments of the `pg_notify` that publishes `data` on `topic`. */
export interface LiveNotification {
  channel: string;
  payload: string;
}

/**
 * What `publish` sends, for a write that carries its event in its own statement
 * (`… RETURNING pg_notify($channel, $payload)`) instead of a statement of its own.
 */
export function liveNotification(topic: string, data: object): LiveNotification {
  return { channel: LIVE_CHANNEL, payload: JSON.stringify({ topic, data }) };
}

/** Waits before listening again after the listening connection dropped. */
const RECONNECT_MS = 1000;

/**
 * What one event is worth to the listeners of one process: `once(key, load)` runs `load` once
 * per event and process, however many subscribers ask (1,000 people on a thread page cost one
 * query per event, not 1,000), so each subscriber is then checked in memory against their rights.
 */
export interface Delivery {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

type Listener = (data: unknown, delivery: Delivery) => void;

/**
 * The per-request DataLoaders (common/loaders.ts) for one event and one viewer: every
 * subscription of the same viewer (all the visitors on a thread page) shares them for that event,
 * so a reply's author is loaded once per process, not once per subscriber; the next event starts
 * afresh, so nothing read for an earlier event is served stale. A subscription's `resolve` puts
 * them in its GraphQL context before the event's fields resolve.
 */
export function eventLoaders(delivery: Delivery, viewer: Viewer): Promise<LoaderRegistry> {
  return delivery.once(`loaders:${viewer?.id ?? 'visitor'}`, () =>
    Promise.resolve<LoaderRegistry>(new Map()),
  );
}

/**
 * The payload of one event for one viewer, made once per process: every subscription of the same
 * viewer receives the same object, which lets the WebSocket server execute it once for all of
 * them (events/shared-execution.ts).
 */
export function sharedPayload<T>(delivery: Delivery, viewer: Viewer, make: () => Promise<T>): Promise<T> {
  return delivery.once(`payload:${viewer?.id ?? 'visitor'}`, make);
}

export type LoaderRegistry = NonNullable<GraphQLContext['loaders']>;

/**
 * The live-event bus, through PostgreSQL so that every API process delivers every event: a
 * domain publishes `pg_notify` INSIDE the transaction that makes the change, and PostgreSQL
 * delivers a notification only when that transaction commits (never for a rolled-back change,
 * never before the rows are visible). Each process holds one dedicated connection that LISTENs
 * and fans the events out, in memory, to the subscriptions open on that process.
 *
 * Payloads are small (ids and a kind, never content): the subscriber's process loads what the
 * event is about and checks it against the subscriber's rights. A notification is limited to
 * 8,000 bytes by PostgreSQL, so a publisher with many ids splits them (see the notifications room).
 * Events sent while this process's listening connection is down (a database restart) are not
 * replayed: live pages are a convenience over data that stays readable by a query.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private readonly listeners = new Map<string, Set<Listener>>();
  /** The subscriptions' streams among the listeners. */
  private streams = 0;
  private client: Client | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * Publishes `data` on `topic` when the transaction of `tx` commits (at once outside a
   * transaction). Call it in the service's transaction, after the change it announces.
   */
  async publish(tx: EntityManager, topic: string, data: object): Promise<void> {
    const { channel, payload } = liveNotification(topic, data);
    await tx.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * The events of `topic` seen by one subscriber, as an async iterator for a GraphQL
   * subscription: `map` turns each event into what this subscriber may receive, or null to skip it.
   * `first`, when given, is sent before any event (a count as it stands when the page subscribes).
   */
  stream<T>(
    topic: string,
    map: (data: unknown, delivery: Delivery) => Promise<T | null>,
    first?: Promise<T | null>,
  ): EventStream<T> {
    return new EventStream<T>((push) => {
      const off = this.on(topic, (data, delivery) => push(map(data, delivery)));
      this.streams += 1;
      return () => {
        this.streams -= 1;
        off();
      };
    }, first);
  }

  /** Calls `listener` for each event of `topic` on this process; returns the unsubscribe function. */
  on(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(topic) === set) this.listeners.delete(topic);
    };
  }

  /** How many subscriptions this process serves (`/health` says it), not counting its own listeners. */
  get subscriberCount(): number {
    return this.streams;
  }

  private async listen(): Promise<void> {
    const { url } = this.db.options as { url?: string };
    const client = new Client({ connectionString: url, application_name: 'parvis-live-events' });
    client.on('notification', (message) => this.dispatch(message));
    client.on('error', (error) => {
      this.logger.warn(`The live-event connection failed (${error.message}); listening again.`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().catch((error: Error) => {
        this.logger.warn(`Cannot listen for live events yet (${error.message}).`);
        this.client = client; // lets the next reconnect attempt run
        this.reconnect(client);
      });
    }, RECONNECT_MS).unref();
  }

  private dispatch(message: Notification): void {
    if (message.channel !== LIVE_CHANNEL || !message.payload) return;
    let event: { topic: string; data: unknown };
    try {
      event = JSON.parse(message.payload) as { topic: string; data: unknown };
    } catch {
      return;
    }
    const listeners = this.listeners.get(event.topic);
    if (!listeners) return;
    const loads = new Map<string, Promise<unknown>>();
    const delivery: Delivery = {
      once: <T>(key: string, load: () => Promise<T>): Promise<T> => {
        let promise = loads.get(key) as Promise<T> | undefined;
        if (!promise) loads.set(key, (promise = load()));
        return promise;
      },
    };
    // After the I/O already waiting (the response of the very request that caused the event):
    // the fan-out must not delay it.
    setImmediate(() => {
      for (const listener of [...listeners]) listener(event.data, delivery);
    });
  }
}
