import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/config';
import { DatabaseUnavailableFilter } from './database-unavailable.filter';
import { requestBody } from './request-body';
import { securityHeaders } from './security-headers';
import { staticFiles, WebFiles } from './static-files';
import { webBuild } from './web-app-shell';

/**
 * What every request goes through before Nest's routes, in this order: the security headers (on
 * every answer, errors included); compression (brotli or gzip, for pages, files and GraphQL
 * alike; WebSocket upgrades never reach Express); the web app's built files; the request body,
 * refused honestly when too large or malformed. Called before `init()`, so that Nest's middleware
 * and routes come after (the app's page for its routes, WebAppModule, is the last of them).
 */
export function mountHttpLayer(app: NestExpressApplication, config: AppConfig): void {
  app.use(...securityHeaders({ https: config.cookieSecure }));
  app.use(compression());
  if (webBuild(config.webDist)) app.use(staticFiles(app.get(WebFiles)));
  app.use(...requestBody(config.http.bodyLimitBytes));
  // Also in front of Nest's middleware: a session lookup that cannot reach PostgreSQL is a 503.
  app.useGlobalFilters(new DatabaseUnavailableFilter(app.getHttpAdapter()));
}

/**
 * Node's server timeouts for running behind a load balancer (config `http`): idle keep-alive
 * connections outlive the balancer's, so it never sends a request on a socket Node has just
 * closed; a client slow to send its headers or its request is cut off.
 */
export function applyServerTimeouts(server: Server, http: AppConfig['http']): void {
  server.keepAliveTimeout = http.keepAliveTimeoutSeconds * 1000;
  server.headersTimeout = http.headersTimeoutSeconds * 1000;
  server.requestTimeout = http.requestTimeoutSeconds * 1000;
}
