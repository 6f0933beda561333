import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_ENTITIES } from './app-entities';
import { inputValidationPipe } from './common/validation.pipe';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { costLimit, QUERY_COST_LIMIT } from './graphql/cost-limit.rule';
import { depthLimit } from './graphql/depth-limit.rule';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { formatErrorFor } from './graphql/format-error';
import { serviceUnavailablePlugin } from './graphql/service-unavailable.plugin';
import { apolloPlugins } from './graphql/apollo-plugins';
import { CompiledApolloDriver } from './graphql/compiled-queries';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { WebAppModule } from './http/web-app-shell';
import { IdentityModule } from './identity/identity.module';
import { MediaModule } from './media/media.module';
import { UploadsModule } from './uploads/uploads.module';
import { LiveSessions } from './identity/live-sessions.service';
import { graphqlContext, liveTransport } from './live-transport';
import { SpacesModule } from './spaces/spaces.module';
import { ThreadsModule } from './threads/threads.module';
import { SearchModule } from './search/search.module';
import { IdeasModule } from './ideas/ideas.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ModerationModule } from './moderation/moderation.module';
import { MailModule } from './mail/mail.module';
import { PagesModule } from './pages/pages.module';
import { DeskModule } from './desk/desk.module';
import { ReportsModule } from './reports/reports.module';
import { HomeModule } from './home/home.module';

export interface RunningConfig extends AppConfig {
  databaseUrl: string;
}

const validationRules = [depthLimit(12), costLimit(QUERY_COST_LIMIT)];

@Module({})
export class AppModule {
  static forRoot(config: RunningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, APP_ENTITIES, {
            preparedStatements: config.preparedStatements,
          }),
        ),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          // Operations compiled once each and run as JavaScript (graphql/compiled-queries.ts),
          // unless GRAPHQL_COMPILED_QUERIES=false: then graphql-js interprets them.
          driver: config.compiledQueries ? CompiledApolloDriver : ApolloDriver,
          imports: [IdentityModule],
          inject: [LiveSessions],
          useFactory: (liveSessions: LiveSessions): ApolloDriverConfig => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            // Apollo's CSRF prevention: a request must be JSON or carry a preflight header,
            // which a cross-site form or image tag cannot send.
            csrfPrevention: true,
            // Off in production: the web app is typed from schema.gql, no client needs to ask.
            introspection: config.env !== 'production',
            includeStacktraceInErrorResponses: false,
            validationRules,
            formatError: formatErrorFor(config.env),
            plugins: [serviceUnavailablePlugin, ...apolloPlugins(config.env)],
            preserveHttpStatusForExecutionErrors: false,
            // Subscriptions (live pages) over graphql-ws on the same port and path.
            subscriptions: liveTransport(liveSessions, validationRules, formatErrorFor(config.env)),
            context: graphqlContext,
          }),
        }),
        EventsModule,
        IdentityModule,
        SpacesModule,
        ThreadsModule,
        SearchModule,
        IdeasModule,
        NotificationsModule,
        ModerationModule,
        MailModule,
        DeskModule,
        ReportsModule,
        HomeModule,
        MediaModule,
        UploadsModule,
        // Their catch-all routes come after every other route: pages rendered on the server, and
        // the web app's bare index.html for a build without a server renderer.
        PagesModule,
        WebAppModule.forRoot(config.webDist),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
