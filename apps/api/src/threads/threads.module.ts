import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { ModerationLogModule } from '../moderation-log/moderation-log.module';
import { Space } from '../spaces/space.entity';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import { Thanks } from './thanks.entity';
import { Thread } from './thread.entity';
import { PostsResolver } from './posts.resolver';
import {
  PrivateFollowUpNoticeResolver,
  PrivateFollowUpsResolver,
  PrivateMessagesResolver,
} from './private-follow-ups.resolver';
import { ThreadsResolver } from './threads.resolver';
import { ThreadsService } from './threads.service';
import { UserContributionsResolver } from './user-contributions.resolver';

@Module({
  imports: [
    RateLimitModule,
    TypeOrmModule.forFeature([Thread, Post, PostRevision, Thanks, PrivateFollowUp, PrivateMessage, Space]),
    IdentityModule,
    ModerationLogModule,
  ],
  providers: [
    ThreadsService,
    ThreadsResolver,
    PostsResolver,
    PrivateFollowUpsResolver,
    PrivateMessagesResolver,
    PrivateFollowUpNoticeResolver,
    UserContributionsResolver,
  ],
  exports: [ThreadsService],
})
export class ThreadsModule {}
