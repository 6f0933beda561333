import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SlaQueueDuty } from '../threads/sla-queue.port';
import { DutyException, DutySchedule } from './duty.entity';
import { dutyFactsOf, onDutyNow } from './duty.rules';

/**
 * The desk's side of threads' SLA queue port: the spaces where someone is on duty at an instant
 * (their weekly hours in their time zone, or that local date's exception). Only the data source
 * is injected: DutyService needs threads' ClocksService, which needs this.
 */
@Injectable()
export class DutyQueueService implements SlaQueueDuty {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async spacesOnDuty(userId: string, at: Date): Promise<string[]> {
    const schedules = await this.db.getRepository(DutySchedule).findBy({ userId });
    if (!schedules.length) return [];
    const exceptions = await this.db.getRepository(DutyException).findBy({ userId });
    return schedules.filter((s) => onDutyNow(dutyFactsOf(s, exceptions), at)).map((s) => s.spaceId);
  }
}
