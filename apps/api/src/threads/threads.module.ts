import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { IdentityModule } from '../identity/identity.module';
import { Space } from '../spaces/space.entity';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import { Thanks } from './thanks.entity';
import { Thread } from './thread.entity';
import { ThreadsService } from './threads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Thread, Post, PostRevision, Thanks, PrivateFollowUp, PrivateMessage, Space]), IdentityModule],
  providers: [ThreadsService, RateLimitService],
  exports: [ThreadsService],
})
export class ThreadsModule {}
