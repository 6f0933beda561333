import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { User } from './user.entity';

/**
 * A person's reputation (points from accepted answers and thanks received; REPUTATION in
 * libs/shared/domain says how many). Other domains move it in their own transaction, through this
 * piece, never by writing the users table themselves.
 */
@Injectable()
export class ReputationService {
  /** Adds (or, negative, takes back) points in the caller's transaction. */
  async add(tx: EntityManager, userId: string, points: number): Promise<void> {
    if (points === 0) return;
    await tx.increment(User, { id: userId }, 'reputation', points);
  }
}
