import { Module } from '@nestjs/common';
import { ModerationLogService } from './moderation-log.service';

/**
 * Only the log writer, with no dependency of its own, so that threads, ideas and identity can
 * record their moderation actions without depending on the whole moderation module.
 */
@Module({
  providers: [ModerationLogService],
  exports: [ModerationLogService],
})
export class ModerationLogModule {}
