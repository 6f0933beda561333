import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { send, WebFiles } from './static-files';

/** Paths the API answers itself: never the web app's page. */
const API_PATHS = /^\/(graphql|health|mail)(\/|$)/;

/**
 * Every route of the web app (`/`, `/t/123`: a GET of a path without an extension) answered with
 * the app's `index.html` (`no-cache` + ETag, compressed), for the browser to render. Pages
 * rendered on the server take its place: mount their handler instead.
 */
export function webAppShell(files: WebFiles): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PATHS.test(req.path) || /\.[a-z0-9]+$/i.test(req.path)) return next();
    files
      .entry('/index.html')
      .then((entry) => (entry ? send(req, res, entry) : next()))
      .catch(next);
  };
}
