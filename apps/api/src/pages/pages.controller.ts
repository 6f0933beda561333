import { Controller, Get, Next, Param, Req, Res } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithViewer } from '../common/viewer';
import { NOT_PAGES } from './page-fast-path';
import { PagesService, sendPage } from './pages.service';
import { SitemapService } from './sitemap.service';

/**
 * Every GET that is a page answers HTML rendered on the server (pages/pages.service.ts): 200, or
 * 404 with the translated not-found page for an unknown route, thread, idea, profile or space.
 * HTML is `no-cache` with an ETag (a reader's browser revalidates and gets 304 when unchanged);
 * files and their headers are the static-file middleware's business, which runs before this.
 */
@Controller()
export class PagesController {
  constructor(
    private readonly pages: PagesService,
    private readonly sitemap: SitemapService,
  ) {}

  @Get('robots.txt')
  robots(@Res() res: Response): void {
    res.type('text/plain').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(this.sitemap.robots());
  }

  @Get('sitemap.xml')
  async sitemapIndex(@Res() res: Response): Promise<void> {
    res.type('application/xml').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(await this.sitemap.index());
  }

  @Get('sitemaps/:name.xml')
  async sitemapFile(
    @Param('name') name: string,
    @Res() res: Response,
    @Next() next: NextFunction,
  ): Promise<void> {
    const body = await this.sitemap.file(name);
    if (body === null) return next();
    res.type('application/xml').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(body);
  }

  @Get('{*path}')
  async page(@Req() req: RequestWithViewer, @Res() res: Response, @Next() next: NextFunction): Promise<void> {
    if (!this.pages.enabled || NOT_PAGES.test(req.path)) return next();
    const page = await this.pages.page(req, res, req.originalUrl);
    const { key } = page;
    sendPage(
      req,
      res,
      page,
      page.cached,
      !!req.viewer,
      key ? (headers) => this.pages.sent(key, headers) : undefined,
    );
  }
}
