import { Module } from '@nestjs/common';
import { MailQueue } from './mail-queue';
import { MailWorker } from './mail-worker';
import { MailResolver } from './mail.resolver';
import { MailService } from './mail.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** E-mail: the outbox other domains write to (`MailService.enqueue`), its queue and worker, unsubscribing, the catcher. */
@Module({
  providers: [MailQueue, MailWorker, MailService, MailResolver],
  controllers: [UnsubscribeController],
  exports: [MailService, MailQueue],
})
export class MailModule {}
