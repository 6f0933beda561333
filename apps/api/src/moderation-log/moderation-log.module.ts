import { Module } from '@nestjs/common';
import { ModerationLogService } from './moderation-log.service';

/**
 * The public moderation log: a ledger every domain writes to (threads, ideas, identity and
 * moderation record their actions in it) and moderation reads. It depends on no other domain's
 * service, so any domain may import it without depending on the moderation module.
 */
@Module({
  providers: [ModerationLogService],
  exports: [ModerationLogService],
})
export class ModerationLogModule {}
