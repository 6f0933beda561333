import { INestApplication, LogLevel } from '@nestjs/common';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppModule, RunningConfig } from './app.module';
import { AppConfig } from './config/config';
import { APP_CONFIG } from './config/config.module';
import { applyServerTimeouts, mountHttpLayer } from './http/http-layer';

/** Builds the Nest application for a configuration; used by main.ts and by the tests. */
export async function createApp(config: RunningConfig, logLevels?: LogLevel[]): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: logLevels ?? ['log', 'warn', 'error'],
    // Bodies are parsed by the HTTP layer, which answers a refused one honestly (413, 400).
    bodyParser: false,
  });
  mountHttpLayer(app, config);
  app.use(cookieParser());
  app.disable('x-powered-by');
  // Express would hash every body it sends for a weak ETag, GraphQL's answers to POSTs included,
  // which no cache can use (2 % of a thread page's processor time). What can be revalidated sets
  // its own: pages, the web app's files, robots.txt and the sitemaps.
  app.set('etag', false);
  // Behind a load balancer, req.ip is the client's address only when its X-Forwarded-For is trusted.
  app.set('trust proxy', config.trustProxy);
  return app;
}

/**
 * How many connections may wait to be accepted while the process is busy. Node's default (511)
 * is too short for a burst: under load, a crowd opening connections at once overflowed it and
 * the kernel reset some of them (clients saw ECONNRESET). The kernel caps it at
 * net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;

/** Starts listening (main.ts and the tests alike); resolves once the port is bound. */
export async function listen(app: INestApplication, port: number, host?: string): Promise<Server> {
  await app.init();
  const server = app.getHttpServer() as Server;
  applyServerTimeouts(server, app.get<AppConfig>(APP_CONFIG).http);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
