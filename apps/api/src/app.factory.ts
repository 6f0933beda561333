import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppModule, RunningConfig } from './app.module';

/** Builds the Nest application for a configuration; used by main.ts and by the tests. */
export async function createApp(config: RunningConfig, logLevels?: LogLevel[]): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: logLevels ?? ['log', 'warn', 'error'],
  });
  app.use(cookieParser());
  app.disable('x-powered-by');
  // Behind a load balancer, req.ip is the client's address only when its X-Forwarded-For is trusted.
  app.set('trust proxy', config.trustProxy);
  return app;
}
