import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import cluster from 'node:cluster';
import { DataSource } from 'typeorm';
import { DATABASE_UNAVAILABLE } from '../common/database-unavailable';
import { DATABASE_ROLE_SQL, DatabaseRole } from '../database/roles';
import { LiveEvents } from '../events/live-events.service';

type Readiness =
  | { status: 'ok'; database: 'ok'; migrations: 'current' }
  | { status: 'unavailable'; database: 'unreachable' }
  | { status: 'unavailable'; database: 'ok'; migrations: 'pending' };

/**
 * For load balancers and orchestrators. `/health/live`: the process is up and answering (restart
 * it when this fails). `/health/ready`: it can serve, because the database answers and holds every
 * migration this build knows (send it traffic only then). `/health`: the database answers, as
 * before the two existed, with what this process connects as (`databaseRole`: `owner` is the
 * unprotected setup the start-up log warns about) and how many live subscriptions it serves
 * (`liveSubscriptions`: a subscription is counted once the process delivers its events).
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly liveEvents: LiveEvents,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) res: Response): Promise<{
    status: string;
    database: string;
    worker?: number;
    databaseRole?: DatabaseRole;
    liveSubscriptions?: number;
  }> {
    let role: DatabaseRole;
    try {
      // Also the check that the database answers (a catalog query, as cheap as SELECT 1).
      [{ role }] = await this.db.query<{ role: DatabaseRole }[]>(DATABASE_ROLE_SQL);
    } catch {
      unavailable(res);
      return { status: 'unavailable', database: 'unreachable' };
    }
    return {
      status: 'ok',
      database: 'ok',
      // Which API process answered (its cluster number; 0 when Parvis runs in one process).
      worker: cluster.worker?.id ?? 0,
      databaseRole: role,
      liveSubscriptions: this.liveEvents.subscriberCount,
    };
  }

  @Get('live')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    let applied: { name: string }[];
    try {
      applied = await this.db.query<{ name: string }[]>('SELECT name FROM migrations');
    } catch (error) {
      // No migrations table: the database answers but was never migrated.
      const undefinedTable = (error as { driverError?: { code?: string } }).driverError?.code === '42P01';
      unavailable(res);
      return undefinedTable
        ? { status: 'unavailable', database: 'ok', migrations: 'pending' }
        : { status: 'unavailable', database: 'unreachable' };
    }
    const done = new Set(applied.map((row) => row.name));
    if (this.db.migrations.some((migration) => !done.has(migration.name ?? migration.constructor.name))) {
      unavailable(res);
      return { status: 'unavailable', database: 'ok', migrations: 'pending' };
    }
    return { status: 'ok', database: 'ok', migrations: 'current' };
  }
}

function unavailable(res: Response): void {
  res.status(503).setHeader('Retry-After', String(DATABASE_UNAVAILABLE.retryAfterSeconds));
}
