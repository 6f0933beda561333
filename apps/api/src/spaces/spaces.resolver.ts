import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { readerLanguage } from '../common/reader-language';
import type { GraphQLContext } from '../common/viewer';
import { spaceTexts, SpaceType } from './space.type';
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

  @ResolveField(() => String, {
    description:
      'In the reader’s language (the page’s, else Accept-Language, else the member’s), else the space’s own.',
  })
  name(@Parent() space: SpaceType, @Context() ctx: GraphQLContext): string {
    return spaceTexts(space, readerLanguage(ctx)).name;
  }

  @ResolveField(() => String, { description: 'In the reader’s language, like `name`.' })
  description(@Parent() space: SpaceType, @Context() ctx: GraphQLContext): string {
    return spaceTexts(space, readerLanguage(ctx)).description;
  }
}
