import { Global, Module } from '@nestjs/common';
import { SLA_QUEUE_DUTY } from '../threads/sla-queue.port';
import { DutyQueueService } from './duty-queue.service';

/**
 * Binds threads' SLA queue port to the desk's duty hours. Global so that threads' ClocksService
 * receives it without threads importing desk (the port's owner never knows its implementer).
 */
@Global()
@Module({
  providers: [{ provide: SLA_QUEUE_DUTY, useClass: DutyQueueService }],
  exports: [SLA_QUEUE_DUTY],
})
export class DutyQueueModule {}
