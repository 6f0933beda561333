import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Space } from '../spaces/space.entity';
import { SpacesModule } from '../spaces/spaces.module';
import { AcknowledgementByResolver, ThreadAcknowledgementResolver } from './acknowledgement.resolver';
import { AnswersResolver } from './answers.resolver';
import { AnswersService } from './answers.service';
import { ClocksService } from './clocks.service';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import { PrivateFollowUpNoticeResolver } from './private-follow-up-notice.resolver';
import { PrivateFollowUpsResolver } from './private-follow-ups.resolver';
import { PrivateFollowUpsService } from './private-follow-ups.service';
import { PrivateMessageResolver } from './private-message.resolver';
import { SlaQueueResolver } from './sla-queue.resolver';
import { Thanks } from './thanks.entity';
import { Thread } from './thread.entity';
import { ThreadEvents } from './thread-events';
import { ThreadEventsResolver } from './thread-events.resolver';
import { NotificationThreadResolver } from './notification-thread.resolver';
import { ThreadFollowsResolver } from './thread-follows.resolver';
import { ThreadNoticesService } from './thread-notices.service';
import { ThreadsResolver } from './threads.resolver';
import { ThreadsService } from './threads.service';
import { UserContributionsResolver } from './user-contributions.resolver';

@Module({
  imports: [
    RateLimitModule,
    TypeOrmModule.forFeature([Thread, Post, PostRevision, Thanks, PrivateFollowUp, PrivateMessage, Space]),
    IdentityModule,
    SpacesModule,
    ModerationLogModule,
    NotificationsModule,
  ],
  providers: [
    ThreadsService,
    PostsService,
    AnswersService,
    ClocksService,
    PrivateFollowUpsService,
    ThreadEvents,
    ThreadNoticesService,
    ThreadsResolver,
    ThreadEventsResolver,
    PostsResolver,
    AnswersResolver,
    SlaQueueResolver,
    PrivateFollowUpsResolver,
    PrivateMessageResolver,
    PrivateFollowUpNoticeResolver,
    UserContributionsResolver,
    ThreadFollowsResolver,
    NotificationThreadResolver,
    ThreadAcknowledgementResolver,
    AcknowledgementByResolver,
  ],
  exports: [ThreadsService, PostsService, ClocksService, ThreadEvents, ThreadNoticesService],
})
export class ThreadsModule {}
