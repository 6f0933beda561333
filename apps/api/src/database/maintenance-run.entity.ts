import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A start-up job that ran to its end on this database (database/run-once.ts): its name and the
 * version of its rule. A start finds it here and skips the job; a new version runs it again.
 */
@Entity('maintenance_runs')
export class MaintenanceRun {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'maintenance_runs_pkey' })
  name: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'maintenance_runs_pkey' })
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  ranAt: Date;
}
