import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hits counted per key (e.g. `sign-in:email:ana@example.com`) in the key's current window,
 * which begins at its first counted hit. In PostgreSQL, not in memory, so that the limit holds
 * across every API process.
 */
@Entity('rate_limit_hits')
export class RateLimitHit {
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'rate_limit_hits_pkey' })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer', default: 0 })
  hits: number;
}
