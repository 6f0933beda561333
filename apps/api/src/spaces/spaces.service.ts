import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/domain-error';
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

  /** Many spaces by id, for the per-request loader (spaces.loader.ts). */
  byIds(ids: readonly string[]): Promise<Space[]> {
    return this.spaces.findBy({ id: In([...ids]) });
  }
}
