import { Language, LANGUAGES, OpeningPeriod, SPACE_KINDS, SpaceKind } from '@parvis/domain';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { sqlInList } from '../common/sql-check';

@Entity('spaces')
@Unique('spaces_slug_key', ['slug'])
@Check('spaces_kind_check', sqlInList('kind', SPACE_KINDS))
@Check('spaces_slug_format_check', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('spaces_answer_clocks_check', `first_response_minutes > 0 AND answer_minutes > 0`)
@Check('spaces_language_check', sqlInList('language', LANGUAGES))
// Only the languages Parvis speaks, each with a name (1 to 80 characters, as `name`) and a description.
@Check(
  'spaces_translations_check',
  `jsonb_typeof(translations) = 'object' AND translations - ${LANGUAGES.map((l) => `'${l}'`).join(' - ')} = '{}'::jsonb
   AND NOT jsonb_path_exists(translations, 'lax $.* ? (!(@.name like_regex "^.{1,80}$" flag "s" && @.description.type() == "string"))')`,
)
export class Space {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'spaces_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  slug: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The language of `name` and `description`: the fallback for readers of a language without its own. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Language;

  /** The name and description in other languages, by language: `{ "fr": { "name", "description" } }`. */
  @Column({ type: 'jsonb', default: {} })
  translations: SpaceTranslations;

  @Column({ type: 'varchar', length: 16 })
  kind: SpaceKind;

  /** Order in navigation, smallest first. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Answer clocks of this space's help threads (DESIGN.md §1: acknowledge within 1 hour, answer within 24). */
  @Column({ type: 'integer', default: 60 })
  firstResponseMinutes: number;

  @Column({ type: 'integer', default: 1440 })
  answerMinutes: number;

  /**
   * The hours the answer clocks count: null runs them around the clock (24/7); else the weekly
   * opening periods, read in `timeZone` (libs/shared/domain business-hours).
   */
  @Column({ type: 'jsonb', nullable: true })
  openingPeriods: OpeningPeriod[] | null;

  @Column({ type: 'varchar', length: 60, default: 'UTC' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export type SpaceTranslations = Partial<Record<Language, { name: string; description: string }>>;
