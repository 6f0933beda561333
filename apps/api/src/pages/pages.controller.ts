import { Controller, Get, Next, Param, Req, Res } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithViewer } from '../common/viewer';
import { NOT_PAGES } from './page-fast-path';
import { etagOf, PagesService, sendPage } from './pages.service';
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
    sendToCrawler(res, 'text/plain', this.sitemap.robots());
  }

  @Get('sitemap.xml')
  async sitemapIndex(@Res() res: Response): Promise<void> {
    sendToCrawler(res, 'application/xml', await this.sitemap.index());
  }

  @Get('sitemaps/:name.xml')
  async sitemapFile(
    @Param('name') name: string,
    @Res() res: Response,
    @Next() next: NextFunction,
  ): Promise<void> {
    const body = await this.sitemap.file(name);
    if (body === null) return next();
    sendToCrawler(res, 'application/xml', body);
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

/**
 * A file for crawlers, kept an hour, with its ETag: a crawler asking again with it gets 304
 * (Express's `send` compares it with If-None-Match).
 */
function sendToCrawler(res: Response, type: string, body: string): void {
  res.type(type).setHeader('Cache-Control', 'public, max-age=3600');
  res.setHeader('ETag', etagOf(body));
  res.send(body);
}
