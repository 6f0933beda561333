import { Args, Query, Resolver } from '@nestjs/graphql';
import { SpaceType } from './space.type';
import { SpacesService } from './spaces.service';

@Resolver(() => SpaceType)
export class SpacesResolver {
  constructor(private readonly service: SpacesService) {}

  @Query(() => [SpaceType], { description: 'Every space, in navigation order. Public.' })
  async spaces(): Promise<SpaceType[]> {
    return (await this.service.list()).map((space) => SpaceType.from(space));
  }

  @Query(() => SpaceType)
  async space(@Args('slug') slug: string): Promise<SpaceType> {
    return SpaceType.from(await this.service.bySlug(slug));
  }
}
