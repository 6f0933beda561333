import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
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
import { CachedPage, PageCache } from './page-cache';
import { loadRenderer, pageLanguage, RenderPage } from './page-renderer';

/** What database triggers announce when public content changes (PageInvalidation migration). */
export const PAGES_CHANGED_TOPIC = 'pages:changed';

/** A cached page is rendered again after this long even if no change was announced (a missed one). */
const MAX_AGE_MS = 10 * 60_000;

export interface RenderedPage {
  status: number;
  html: string;
  etag: string;
  /** Whether it came from the page cache (for the `X-Page-Cache` header). */
  cached: boolean;
}

/**
 * Every page of the web app, rendered on the server with the web app's own components: their
 * GraphQL operations are executed here, in-process, against the API's schema, as the reader
 * whose session cookie came with the request (no HTTP request to itself). Signed-out readers'
 * pages are kept in the page cache, keyed by URL and language, until what they show changes.
 */
@Injectable()
export class PagesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Pages');
  private renderer: RenderPage | null = null;
  readonly cache: PageCache;
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
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
    const language = pageLanguage(
      (req.cookies as Record<string, unknown> | undefined)?.parvis_language,
      req.viewer?.locale,
      req.headers['accept-language'],
    );
    const anonymous = !req.viewer;
    const key = PageCache.key(url, language);
    if (anonymous && this.cache.enabled) {
      const hit = this.cache.get(key);
      if (hit) return { ...hit, cached: true };
    }
    const startedAt = this.cache.startRender();
    const context: GraphQLContext = { req, res };
    const rendered = await this.renderer!({
      url,
      language,
      execute: (operation) => this.execute(context, operation),
    });
    const page: Omit<CachedPage, 'storedAt'> = { ...rendered, etag: etagOf(rendered.html) };
    if (anonymous && page.status === 200) this.cache.store(key, page, startedAt);
    return { ...page, cached: false };
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

function etagOf(html: string): string {
  return `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
}
