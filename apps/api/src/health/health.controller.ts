import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import cluster from 'node:cluster';
import { DataSource } from 'typeorm';

/** For load balancers and orchestrators: 200 when this process can reach the database. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  async check(): Promise<{ status: 'ok'; database: 'ok'; worker: number }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', database: 'unreachable' });
    }
    // Which API process answered (its cluster number; 0 when Parvis runs in one process).
    return { status: 'ok', database: 'ok', worker: cluster.worker?.id ?? 0 };
  }
}
