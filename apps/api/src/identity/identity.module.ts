import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { LiveSessions } from './live-sessions.service';
import { ReputationService } from './reputation.service';
import { Session } from './session.entity';
import { SessionMiddleware } from './session.middleware';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

@Module({
  imports: [RateLimitModule, TypeOrmModule.forFeature([User, Session]), ModerationLogModule],
  providers: [IdentityService, ReputationService, SessionsService, LiveSessions, IdentityResolver],
  exports: [IdentityService, ReputationService, LiveSessions],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes('*path');
  }
}
