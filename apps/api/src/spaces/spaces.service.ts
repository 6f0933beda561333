import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OpeningPeriod } from '@parvis/domain';
import { EntityManager, In, Repository } from 'typeorm';
import { notFound } from '../common/domain-error';
import { spaceRow } from './space-row';
import { Space } from './space.entity';

@Injectable()
export class SpacesService {
  constructor(@InjectRepository(Space) private readonly spaces: Repository<Space>) {}

  list(): Promise<Space[]> {
    return this.spaces.find({ order: { position: 'ASC', name: 'ASC' } });
  }

  async bySlug(slug: string): Promise<Space> {
    const space = await this.spaces.findOneBy({ slug });
    if (!space) throw notFound(`There is no space "${slug}".`, 'SPACE_NOT_FOUND');
    return space;
  }

  /**
   * Sets the hours a space's answer clocks count (null periods: 24/7), in the caller's transaction,
   * once the caller has checked who may; returns the space as it now is.
   */
  async setOpeningHours(
    tx: EntityManager,
    spaceId: string,
    timeZone: string,
    openingPeriods: OpeningPeriod[] | null,
  ): Promise<Space> {
    await spaceRow(tx, spaceId);
    await tx.update(Space, { id: spaceId }, { timeZone, openingPeriods });
    return tx.findOneByOrFail(Space, { id: spaceId });
  }

  /** Many spaces by id, for the per-request loader (spaces.loader.ts). */
  byIds(ids: readonly string[]): Promise<Space[]> {
    return this.spaces.findBy({ id: In([...ids]) });
  }
}
