import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ENTITIES } from './app-entities';
import { inputValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { costLimit, QUERY_COST_LIMIT } from './graphql/cost-limit.rule';
import { depthLimit } from './graphql/depth-limit.rule';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { formatError } from './graphql/format-error';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { MediaModule } from './media/media.module';
import { LiveSessions } from './identity/live-sessions.service';
import { graphqlContext, liveTransport } from './live-transport';
import { SpacesModule } from './spaces/spaces.module';
import { ThreadsModule } from './threads/threads.module';
import { SearchModule } from './search/search.module';
import { IdeasModule } from './ideas/ideas.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ModerationModule } from './moderation/moderation.module';
import { MailModule } from './mail/mail.module';

export interface RunningConfig extends AppConfig {
  databaseUrl: string;
}

const validationRules = [depthLimit(12), costLimit(QUERY_COST_LIMIT)];

@Module({})
export class AppModule {
  static forRoot(config: RunningConfig): DynamicModule {
    const serveWeb = config.webDist && existsSync(join(config.webDist, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, APP_ENTITIES)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [LiveSessions],
          useFactory: (liveSessions: LiveSessions): ApolloDriverConfig => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            // Apollo's CSRF prevention: a request must be JSON or carry a preflight header,
            // which a cross-site form or image tag cannot send.
            csrfPrevention: true,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            validationRules,
            formatError,
            // Subscriptions (live pages) over graphql-ws on the same port and path.
            subscriptions: liveTransport(liveSessions, validationRules),
            context: graphqlContext,
          }),
        }),
        EventsModule,
        ...(serveWeb
          ? [
              ServeStaticModule.forRoot({
                rootPath: config.webDist!,
                exclude: ['/graphql{*path}', '/health{*path}', '/mail{*path}', '/me{*path}', '/media{*path}'],
              }),
            ]
          : []),
        IdentityModule,
        SpacesModule,
        ThreadsModule,
        SearchModule,
        IdeasModule,
        NotificationsModule,
        ModerationModule,
        MailModule,
        MediaModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
