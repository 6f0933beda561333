import { Controller, DynamicModule, Get, Module, Next, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { send, WebFiles } from './static-files';

/** The built web app's folder, or null when Parvis serves the API only (no WEB_DIST, or not built). */
export function webBuild(webDist: string | null): string | null {
  return webDist && existsSync(join(webDist, 'index.html')) ? webDist : null;
}

/**
 * Every route of the web app that nothing else answered (`/`, `/t/123`: a GET of a path without an
 * extension) gets the app's `index.html` (`no-cache` + ETag, compressed), for the browser to
 * render. Its route is registered after every other controller's, so the API's own GET routes
 * come first; `/graphql` is mounted by Apollo after all controllers, so it is passed on. Pages
 * rendered on the server take its place: register their handler instead.
 */
@Controller()
export class WebAppShellController {
  constructor(private readonly files: WebFiles) {}

  @Get('{*path}')
  page(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    if (/^\/graphql(\/|$)/.test(req.path) || /\.[a-z0-9]+$/i.test(req.path)) return next();
    this.files
      .entry('/index.html')
      .then((entry) => (entry ? send(req, res, entry) : next()))
      .catch(next);
  }
}

/** The web app's files (shared with the static middleware) and its page; nothing without a build. Import it last. */
@Module({})
export class WebAppModule {
  static forRoot(webDist: string | null): DynamicModule {
    const root = webBuild(webDist);
    return {
      module: WebAppModule,
      providers: root ? [{ provide: WebFiles, useValue: new WebFiles(root) }] : [],
      controllers: root ? [WebAppShellController] : [],
      exports: root ? [WebFiles] : [],
    };
  }
}
