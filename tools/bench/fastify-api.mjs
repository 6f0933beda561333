// A what-if for the benchmarks, not a way to run Parvis: the built API (apps/api/dist, the same
// AppModule as `npm start`) served by Fastify (@nestjs/platform-fastify with Apollo's Fastify
// integration, @as-integrations/fastify) instead of Express, so that tools/bench/fastify-bench.mjs
// can measure both on the same build. Same environment as apps/api/dist/main.js, but the database
// must be running and migrated already (DATABASE_URL): no embedded PostgreSQL, no migrations, no demo.
// WEB_CONCURRENCY API processes share PORT through Node's cluster, as `npm start`'s do.
//
// Only what the measured operations need is served like the Express build: POST /graphql with the
// security headers (the same middleware, on Fastify's raw response) and the session cookie (the
// same cookie parser and SessionMiddleware, through Nest's middleware over @fastify/middie), and
// /health. Left out: compression (the benchmark's clients ask for none, so Express compresses
// nothing either), the static web build, the 503 filter for a lost database, the cookies a
// mutation writes (the GraphQL context has no Express response: sign in on the Express build),
// and the pages and upload/media routes, whose handlers speak Express's response.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(process.env.BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
const require = createRequire(join(ROOT, 'package.json'));
const dist = (path) => require(join(ROOT, 'apps/api/dist', path));

const { loadConfig } = dist('config/config.js');
const config = loadConfig();
const processes = config.webConcurrency;

if (cluster.isPrimary && processes > 1) {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) console.error(`Fastify API process ${worker.process.pid} stopped (${signal ?? code}).`);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping ? 0 : 1);
  });
} else {
  await serve();
}

async function serve() {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const cookieParser = require('cookie-parser');
  const { AppModule } = dist('app.module.js');
  const { LISTEN_BACKLOG } = dist('app.factory.js');
  const { applyServerTimeouts } = dist('http/http-layer.js');
  const { securityHeaders } = dist('http/security-headers.js');

  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create(
    AppModule.forRoot({ ...config, databaseUrl: process.env.DATABASE_URL }),
    adapter,
    { logger: ['warn', 'error'] },
  );
  // Both run before Nest's middleware (the session lookup), as in app.factory.ts.
  app.use(...securityHeaders({ https: config.cookieSecure }));
  app.use(cookieParser());
  const fastify = adapter.getInstance();
  // The catch-all page routes are written for Express 5 (`{*path}`); Fastify's router says `*`.
  fastify.addHook('onRoute', (route) => {
    route.url = route.path = route.url.replace('{*path}', '*');
  });
  // Nest's middleware sees the raw request; the GraphQL context gets Fastify's request: the viewer
  // the session middleware found is handed over.
  fastify.addHook('preHandler', (request, _reply, done) => {
    request.viewer = request.raw.viewer ?? null;
    request.sessionToken = request.raw.sessionToken;
    done();
  });
  await app.init();
  applyServerTimeouts(app.getHttpServer(), config.http);
  await app.listen({ port: config.port, host: '0.0.0.0', backlog: LISTEN_BACKLOG });

  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
