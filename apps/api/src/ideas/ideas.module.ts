import { Module } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { IdentityModule } from '../identity/identity.module';
import { ModerationLogModule } from '../moderation/moderation-log.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { ThreadsModule } from '../threads/threads.module';
import { CampaignsResolver } from './campaigns.resolver';
import { IdeasResolver, IdeaStatusChangeResolver } from './ideas.resolver';
import { IdeasService } from './ideas.service';
import { NotificationIdeaResolver } from './notification-idea.resolver';

@Module({
  imports: [IdentityModule, ThreadsModule, NotificationsModule, ModerationLogModule, SearchModule],
  providers: [
    IdeasService,
    IdeasResolver,
    IdeaStatusChangeResolver,
    CampaignsResolver,
    NotificationIdeaResolver,
    RateLimitService,
  ],
})
export class IdeasModule {}
