import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

/** The one provider of RateLimitService: domains import this module instead of providing their own copy. */
@Module({
  providers: [RateLimitService],
  exports: [RateLimitService],
})
export class RateLimitModule {}
