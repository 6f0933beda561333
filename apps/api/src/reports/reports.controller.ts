import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error';
import type { RequestWithViewer } from '../common/viewer';
import type { Granularity } from './reports.queries';
import { REPORT_TABLES, toCsv } from './report-tables';
import { ReportsService } from './reports.service';

const STATUS: Partial<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * The report's tables as CSV for spreadsheets: GET /reports/<table>.csv with the `report`
 * query's arguments in the query string (from, to, granularity, timeZone, spaceId, language),
 * signed in as staff by the session cookie. Errors answer with the status and the GraphQL
 * error's code, field and message as JSON.
 */
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':file')
  async csv(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: RequestWithViewer,
    @Res() res: Response,
  ): Promise<void> {
    const name = file.endsWith('.csv') ? file.slice(0, -4) : '';
    const spec = Object.hasOwn(REPORT_TABLES, name) ? REPORT_TABLES[name] : undefined;
    try {
      if (!spec) throw new DomainError('NOT_FOUND', `There is no report table ${file}.`);
      const data = await this.reports.report(req.viewer ?? null, {
        from: new Date(text(query.from)),
        to: new Date(text(query.to)),
        granularity: granularityOf(query.granularity),
        timeZone: optional(query.timeZone),
        spaceId: optional(query.spaceId),
        language: optional(query.language),
      });
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${name}.csv"`)
        .set('Cache-Control', 'private, no-store')
        .send(toCsv(spec, data));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.status(STATUS[error.code] ?? 400).json({
        errors: [{ message: error.message, extensions: { code: error.code, field: error.field } }],
      });
    }
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optional(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function granularityOf(value: unknown): Granularity {
  const name = text(value).toLowerCase() || 'day';
  if (name === 'day' || name === 'week' || name === 'month') return name;
  throw new DomainError('BAD_USER_INPUT', 'granularity is day, week or month.', 'granularity');
}
