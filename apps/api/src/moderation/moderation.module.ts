import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { ThreadsModule } from '../threads/threads.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import {
  CrisisBannerResolver,
  FlaggedPostResolver,
  FlagResolver,
  ModerationActionResolver,
  ModerationResolver,
} from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { PostHiddenResolver, PostModerationResolver } from './post-moderation.resolver';

@Module({
  imports: [RateLimitModule, IdentityModule, ThreadsModule, ModerationLogModule],
  providers: [
    ModerationService,
    ModerationResolver,
    FlaggedPostResolver,
    FlagResolver,
    ModerationActionResolver,
    CrisisBannerResolver,
    PostModerationResolver,
    PostHiddenResolver,
  ],
})
export class ModerationModule {}
