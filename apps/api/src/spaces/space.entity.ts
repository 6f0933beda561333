import { OpeningPeriod, SPACE_KINDS, SpaceKind } from '@parvis/domain';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { sqlInList } from '../common/sql-check';

@Entity('spaces')
@Unique('spaces_slug_key', ['slug'])
@Check('spaces_kind_check', sqlInList('kind', SPACE_KINDS))
@Check('spaces_slug_format_check', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('spaces_answer_clocks_check', `first_response_minutes > 0 AND answer_minutes > 0`)
export class Space {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'spaces_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  slug: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

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
