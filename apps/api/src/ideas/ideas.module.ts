import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { ThreadsModule } from '../threads/threads.module';
import { CampaignsResolver } from './campaigns.resolver';
import { IdeaStatusChangeResolver } from './idea-status-change.resolver';
import { IdeaVotesEvents } from './idea-votes-events';
import { IdeaVotesResolver } from './idea-votes.resolver';
import { IdeasResolver } from './ideas.resolver';
import { IdeasService } from './ideas.service';
import { IdeaFollowsResolver } from './idea-follows.resolver';
import { NotificationGroupIdeaResolver } from './notification-group-idea.resolver';
import { NotificationIdeaResolver } from './notification-idea.resolver';
import { UserIdeasResolver } from './user-ideas.resolver';

@Module({
  imports: [
    RateLimitModule,
    IdentityModule,
    ThreadsModule,
    NotificationsModule,
    ModerationLogModule,
    SearchModule,
  ],
  providers: [
    IdeasService,
    IdeaVotesEvents,
    IdeasResolver,
    IdeaVotesResolver,
    IdeaStatusChangeResolver,
    CampaignsResolver,
    NotificationIdeaResolver,
    NotificationGroupIdeaResolver,
    IdeaFollowsResolver,
    UserIdeasResolver,
  ],
  exports: [IdeasService],
})
export class IdeasModule {}
