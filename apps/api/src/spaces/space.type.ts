import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SPACE_KINDS, SpaceKind as SpaceKindName } from '@parvis/domain';
import { Space } from './space.entity';

export const SpaceKind = Object.fromEntries(SPACE_KINDS.map((k) => [k, k])) as { [K in SpaceKindName]: K };
registerEnumType(SpaceKind, { name: 'SpaceKind' });

@ObjectType('Space')
export class SpaceType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => SpaceKind)
  kind: SpaceKindName;

  static from(space: Space): SpaceType {
    return Object.assign(new SpaceType(), {
      id: space.id,
      slug: space.slug,
      name: space.name,
      description: space.description,
      kind: space.kind,
    });
  }
}
