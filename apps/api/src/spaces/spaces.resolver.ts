import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { readerLanguage } from '../common/reader-language';
import { CurrentViewer, type GraphQLContext, type Viewer } from '../common/viewer';
import { spaceTexts, SpaceTextsType, SpaceType, writtenTexts } from './space.type';
import { SetSpaceTextsInput } from './spaces.inputs';
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

  @Mutation(() => SpaceType, {
    description: 'Admins: a space’s name and description in one language (its own, or a translation).',
  })
  async setSpaceTexts(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetSpaceTextsInput,
  ): Promise<SpaceType> {
    return SpaceType.from(await this.service.setTexts(viewer, input));
  }

  @ResolveField(() => String, {
    description:
      'In the reader’s language (the page’s, else Accept-Language, else the member’s), else the space’s own.',
  })
  name(space: SpaceType, _args: unknown, ctx: GraphQLContext): string {
    return spaceTexts(space, readerLanguage(ctx)).name;
  }

  @ResolveField(() => String, { description: 'In the reader’s language, like `name`.' })
  description(space: SpaceType, _args: unknown, ctx: GraphQLContext): string {
    return spaceTexts(space, readerLanguage(ctx)).description;
  }

  @ResolveField(() => [SpaceTextsType], {
    description:
      'The name and description as written in each language (fr, en, es), for the form that edits them.',
  })
  texts(space: SpaceType): SpaceTextsType[] {
    return writtenTexts(space);
  }
}
