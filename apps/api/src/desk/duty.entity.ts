import type { OpeningPeriod } from '@parvis/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';

/**
 * The weekly hours a staff member is on duty in a space, in their own time zone (the same shape
 * as a space's opening hours: day 1 = Monday, minutes after local midnight).
 */
@Entity('duty_schedules')
@Index('duty_schedules_space_idx', ['spaceId'])
export class DutySchedule {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'duty_schedules_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'duty_schedules_user_id_fkey' })
  user?: User;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'duty_schedules_pkey' })
  spaceId: string;

  @ManyToOne(() => Space, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'duty_schedules_space_id_fkey' })
  space?: Space;

  @Column({ type: 'varchar', length: 60 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  periods: OpeningPeriod[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * One local date that does not follow the weekly schedule: a day off (no periods) or other hours.
 */
@Entity('duty_exceptions')
@Index('duty_exceptions_space_date_idx', ['spaceId', 'date'])
export class DutyException {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'duty_exceptions_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'duty_exceptions_user_id_fkey' })
  user?: User;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'duty_exceptions_pkey' })
  spaceId: string;

  @ManyToOne(() => Space, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'duty_exceptions_space_id_fkey' })
  space?: Space;

  /** The local date (in the schedule's time zone), YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'duty_exceptions_pkey' })
  date: string;

  /** The periods of that date (minutes after local midnight); empty: not on duty that day. */
  @Column({ type: 'jsonb' })
  periods: { from: number; to: number }[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
