import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OpeningPeriod } from '@parvis/domain';
import { EntityManager, In, Repository } from 'typeorm';
import { notFound } from '../common/domain-error';
import { requireRole, type Viewer } from '../common/viewer';
import { spaceRow } from './space-row';
import { Space } from './space.entity';
import { SetSpaceTextsInput } from './spaces.inputs';

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

  /**
   * An admin names and describes a space in one language: its own columns for the space's own
   * language, else its translations in that language (the space row locked meanwhile).
   */
  async setTexts(viewer: Viewer, input: SetSpaceTextsInput): Promise<Space> {
    requireRole(viewer, 'ADMIN', 'name spaces');
    return this.spaces.manager.transaction(async (tx) => {
      const space = await tx.findOne(Space, {
        where: { id: input.spaceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!space) throw notFound('There is no such space.', 'SPACE_NOT_FOUND');
      const texts = { name: input.name, description: input.description };
      await tx.update(
        Space,
        { id: space.id },
        input.language === space.language
          ? texts
          : { translations: { ...space.translations, [input.language]: texts } },
      );
      return tx.findOneByOrFail(Space, { id: space.id });
    });
  }

  /** Many spaces by id, for the per-request loader (spaces.loader.ts). */
  byIds(ids: readonly string[]): Promise<Space[]> {
    return this.spaces.findBy({ id: In([...ids]) });
  }
}
