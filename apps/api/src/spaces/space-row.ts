import { EntityManager } from 'typeorm';
import { notFound } from '../common/domain-error';
import { Space } from './space.entity';

/** The space with this id, read in the caller's transaction, or NOT_FOUND. */
export async function spaceRow(tx: EntityManager, spaceId: string): Promise<Space> {
  const space = await tx.findOneBy(Space, { id: spaceId });
  if (!space) throw notFound('There is no such space.', 'SPACE_NOT_FOUND');
  return space;
}
