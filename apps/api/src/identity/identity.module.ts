import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { MailModule } from '../mail/mail.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { LiveSessions } from './live-sessions.service';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';
import { ReputationService } from './reputation.service';
import { Session } from './session.entity';
import { SessionMiddleware } from './session.middleware';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

@Module({
  imports: [RateLimitModule, TypeOrmModule.forFeature([User, Session]), ModerationLogModule, MailModule],
  providers: [
    IdentityService,
    ReputationService,
    SessionsService,
    LiveSessions,
    IdentityResolver,
    AccountService,
    AccountResolver,
    PersonalDataService,
    PersonalDataResolver,
  ],
  controllers: [PersonalDataController],
  exports: [IdentityService, ReputationService, AccountService, LiveSessions],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // '{*path}': every path, the root page too ('*path' needs at least one character).
    consumer.apply(SessionMiddleware).forRoutes('{*path}');
  }
}
