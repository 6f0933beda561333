import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CharterRule, ModerationActionName, ModerationTarget } from '@parvis/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, pageInCreationOrder } from '../common/pagination';
import { ModerationAction, ModerationDetails } from './moderation-action.entity';

export interface ModerationEntry {
  action: ModerationActionName;
  actorId: string;
  targetType: ModerationTarget;
  targetId: string;
  rule?: CharterRule | null;
  reason?: string | null;
  details?: ModerationDetails;
  /** When the action happened: now unless given (the demo seed writes a past). */
  at?: Date;
}

/**
 * The public moderation log. `record` runs in the caller's transaction, so an action and its
 * log entry are written together or not at all; the table itself refuses UPDATE and DELETE.
 * Every domain that acts (threads, ideas, identity, moderation) calls it from its own service.
 */
@Injectable()
export class ModerationLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(tx: EntityManager, entry: ModerationEntry): Promise<void> {
    await tx.insert(ModerationAction, {
      action: entry.action,
      actorId: entry.actorId,
      targetType: entry.targetType,
      targetId: entry.targetId,
      rule: entry.rule ?? null,
      reason: entry.reason ?? null,
      details: entry.details ?? {},
      createdAt: entry.at,
    });
  }

  /** Newest first; public. `targetId` narrows it to one post, thread, idea, person or banner. */
  async list(first: number, after?: string, targetId?: string): Promise<ConnectionShape<ModerationAction>> {
    const query = this.db.getRepository(ModerationAction).createQueryBuilder('a');
    if (targetId) query.where('a.target_id = :targetId', { targetId });
    return pageInCreationOrder(query, 'a', { first, after }, 'DESC');
  }
}
