import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Server } from 'node:http';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  DocumentNode,
  execute,
  FormattedExecutionResult,
  GraphQLError,
  GraphQLSchema,
  specifiedRules,
  validate,
} from 'graphql';
import type { GraphQLContext, RequestWithViewer } from '../common/viewer';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { LiveEvents } from '../events/live-events.service';
import { formatError } from '../graphql/format-error';
import { PageCache } from './page-cache';
import { installFastPath, replayableHeaders } from './page-fast-path';
import { loadRenderer, pageLanguage, RenderPage } from './page-renderer';

/** What database triggers announce when public content changes (PageInvalidation migration). */
export const PAGES_CHANGED_TOPIC = 'pages:changed';

/** A cached page is rendered again after this long even if no change was announced (a missed one). */
const MAX_AGE_MS = 10 * 60_000;

export interface RenderedPage {
  status: number;
  html: string;
  etag: string;
  /** Whether it came from the page cache (the `X-Page-Cache` header says so). */
  cached: boolean;
  /** The page cache's key, for a page a signed-out reader may get from it. */
  key?: string;
}

/**
 * Every page of the web app, rendered on the server with the web app's own components: their
 * GraphQL operations are executed here, in-process, against the API's schema, as the reader
 * whose session cookie came with the request (no HTTP request to itself). Signed-out readers'
 * pages are kept in the page cache, keyed by URL and language, until what they show changes; a
 * crowd asking for the same page before it is cached waits for one render of it.
 */
@Injectable()
export class PagesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Pages');
  private renderer: RenderPage | null = null;
  readonly cache: PageCache;
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  private readonly rendering = new Map<string, Promise<RenderedPage>>();
  private stopListening: (() => void) | null = null;
  private schema: GraphQLSchema | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly live: LiveEvents,
  ) {
    this.cache = new PageCache(config.pageCacheMb * 1024 * 1024, MAX_AGE_MS);
  }

  onApplicationBootstrap(): void {
    // The schema Nest built from the resolvers, the very one the HTTP endpoint executes.
    this.schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    this.renderer = loadRenderer(this.config.webDist, {
      publicUrl: this.config.mail.publicUrl,
      timeZone: this.config.notifications.defaultTimeZone,
    });
    if (this.renderer && this.cache.enabled) {
      installFastPath(
        this.moduleRef.get(HttpAdapterHost, { strict: false }).httpAdapter.getHttpServer() as Server,
        this.cache,
      );
    }
    if (this.config.webDist && !this.renderer) {
      this.logger.warn(
        `No server renderer in ${this.config.webDist}: build the web app (npx nx run web:build).`,
      );
    }
    this.stopListening = this.live.on(PAGES_CHANGED_TOPIC, (data) => {
      const tags = (data as { tags?: unknown }).tags;
      this.cache.invalidate(
        Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : ['*'],
      );
    });
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  get enabled(): boolean {
    return this.renderer !== null;
  }

  /** The page at `url` for the reader of `req`, from the cache for a signed-out reader when it holds it. */
  async page(req: RequestWithViewer, res: Response, url: string): Promise<RenderedPage> {
    const language = this.languageOf(req, req.viewer?.locale);
    if (req.viewer) return this.render(req, res, url, language);
    const key = PageCache.key(url, language);
    const hit = this.cache.get(key);
    if (hit) return { ...hit, cached: true, key };
    let rendering = this.rendering.get(key);
    if (!rendering) {
      const startedAt = this.cache.startRender();
      rendering = this.render(req, res, url, language).then((page) => {
        if (page.status === 200) this.cache.store(key, page, startedAt);
        return page;
      });
      this.rendering.set(key, rendering);
      void rendering.catch(() => undefined).finally(() => this.rendering.delete(key));
    }
    return { ...(await rendering), key };
  }

  /** Keeps the headers a cached page was just sent with, for the fast path to send again. */
  sent(key: string, headers: Record<string, unknown>): void {
    const page = this.cache.get(key);
    if (page) page.headers = replayableHeaders(headers);
  }

  private languageOf(req: Request, memberLocale: string | null | undefined): string {
    const cookies = req.cookies as Record<string, unknown> | undefined;
    return pageLanguage(cookies?.parvis_language, memberLocale, req.headers['accept-language']);
  }

  private async render(
    req: RequestWithViewer,
    res: Response,
    url: string,
    language: string,
  ): Promise<RenderedPage & { tags: string[] }> {
    const context: GraphQLContext = { req, res, language };
    const rendered = await this.renderer!({
      url,
      language,
      execute: (operation) => this.execute(context, operation),
    });
    return { ...rendered, etag: etagOf(rendered.html), cached: false };
  }

  /** One operation of a page, executed as its reader, with errors as the HTTP endpoint formats them. */
  private async execute(
    context: GraphQLContext,
    operation: { query: DocumentNode; variables: Record<string, unknown>; operationName?: string },
  ): Promise<FormattedExecutionResult> {
    const schema = this.schema!;
    let errors = this.validated.get(operation.query);
    if (!errors)
      this.validated.set(operation.query, (errors = validate(schema, operation.query, specifiedRules)));
    if (errors.length > 0) return { errors: errors.map((error) => formatError(error.toJSON(), error)) };
    const result = await execute({
      schema,
      document: operation.query,
      variableValues: operation.variables,
      operationName: operation.operationName,
      contextValue: context,
    });
    return {
      data: result.data,
      ...(result.errors ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : {}),
    };
  }
}

/** A strong ETag of a text the server sends (a page, a sitemap). */
export function etagOf(html: string): string {
  return `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
}

/** Writes a page with its validators: 304 when the reader's copy is current. */
export function sendPage(
  req: Request,
  res: Response,
  page: { status: number; etag: string; html: string; body?: Buffer },
  cached: boolean,
  signedIn: boolean,
  onHeaders?: (headers: Record<string, unknown>) => void,
): void {
  res.status(page.status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Signed-in pages are the reader's own: never kept by a shared cache.
  res.setHeader('Cache-Control', signedIn ? 'private, no-cache' : 'no-cache');
  res.setHeader('Vary', 'Cookie, Accept-Language');
  res.setHeader('ETag', page.etag);
  res.setHeader('X-Page-Cache', cached ? 'hit' : 'miss');
  onHeaders?.(res.getHeaders());
  if (page.status === 200 && req.headers['if-none-match'] === page.etag) {
    res.status(304).end();
    return;
  }
  const body = page.body ?? Buffer.from(page.html);
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
