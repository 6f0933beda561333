import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SPACE_KINDS, SpaceKind as SpaceKindName } from '@parvis/domain';
import { Language, LANGUAGES } from '@parvis/domain';
import { Space, SpaceTranslations } from './space.entity';

export const SpaceKind = Object.fromEntries(SPACE_KINDS.map((k) => [k, k])) as { [K in SpaceKindName]: K };
registerEnumType(SpaceKind, { name: 'SpaceKind' });

@ObjectType('OpeningPeriod', {
  description: 'A weekly opening period in local time: day 1 = Monday … 7 = Sunday.',
})
export class OpeningPeriodType {
  @Field(() => Int)
  day: number;

  @Field(() => Int, { description: 'Minutes after local midnight.' })
  from: number;

  @Field(() => Int, { description: 'Minutes after local midnight (1440 = midnight at the end of the day).' })
  to: number;
}

@ObjectType('SpaceTexts', {
  description: 'A space’s name and description as written in one language (for those who write them).',
})
export class SpaceTextsType {
  @Field(() => String, { description: 'fr, en or es.' })
  language: Language;

  @Field(() => String, {
    nullable: true,
    description: 'Null while the space has no name in this language (its readers get the space’s own).',
  })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Null like `name`.' })
  description: string | null;
}

@ObjectType('Space')
export class SpaceType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  /** Not fields as such: `name` and `description` are resolved in the reader's language (spaces.resolver.ts). */
  name: string;
  description: string;
  translations: SpaceTranslations;

  @Field(() => String, {
    description:
      'The space’s own language (fr, en or es): readers of a language it has no text in read this one.',
  })
  language: Language;

  @Field(() => SpaceKind)
  kind: SpaceKindName;

  @Field({ description: 'The time zone of the space’s opening hours.' })
  timeZone: string;

  @Field(() => [OpeningPeriodType], {
    nullable: true,
    description: 'The hours the answer clocks count, weekly; null: around the clock (24/7).',
  })
  openingPeriods: OpeningPeriodType[] | null;

  static from(space: Space): SpaceType {
    return Object.assign(new SpaceType(), {
      id: space.id,
      slug: space.slug,
      name: space.name,
      description: space.description,
      language: space.language,
      translations: space.translations,
      kind: space.kind,
      timeZone: space.timeZone,
      openingPeriods: space.openingPeriods,
    });
  }
}

/** The space's texts as written in each language Parvis speaks, null where it has none. */
export function writtenTexts(space: SpaceType): SpaceTextsType[] {
  return LANGUAGES.map((language) => {
    const written =
      language === space.language
        ? { name: space.name, description: space.description }
        : (space.translations[language] ?? null);
    return { language, name: written?.name ?? null, description: written?.description ?? null };
  });
}

/** A space's name and description in `language`, else in the space's own language (its columns). */
export function spaceTexts(
  space: SpaceType | Space,
  language: Language,
): { name: string; description: string } {
  const translated = space.translations[language];
  if (language !== space.language && translated) return translated;
  return { name: space.name, description: space.description };
}
