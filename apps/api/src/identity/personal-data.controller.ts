import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { RequestWithViewer } from '../common/viewer';
import { PersonalDataService } from './personal-data.service';

/**
 * `GET /me/export.json`: the signed-in person's data as a file to keep (the "Download" of the
 * web app's "Your data"). A download rather than a GraphQL query: it is one document, saved as is.
 */
@Controller('me')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('export.json')
  async export(@Req() req: RequestWithViewer, @Res() res: Response): Promise<void> {
    if (!req.viewer) {
      res.status(401).type('application/json').send({ error: 'Sign in to download your data.' });
      return;
    }
    const at = new Date();
    const data = await this.personalData.export(req.viewer, at);
    res
      .status(200)
      .set({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="parvis-data-${at.toISOString().slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(JSON.stringify(data, null, 2));
  }
}
