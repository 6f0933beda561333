import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { ThreadsModule } from '../threads/threads.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { CrisisBannerResolver } from './crisis-banner.resolver';
import { FlagResolver } from './flag.resolver';
import { FlaggedPostResolver } from './flagged-post.resolver';
import { ModerationActionResolver } from './moderation-action.resolver';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { PostHiddenResolver } from './post-hidden.resolver';
import { PostModerationContextResolver } from './post-moderation-context.resolver';
import { PostModerationResolver } from './post-moderation.resolver';

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
    PostModerationContextResolver,
    PostHiddenResolver,
  ],
})
export class ModerationModule {}
