import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithViewer, SignedInViewer } from '../common/viewer';
import { SESSION_COOKIE } from './session-cookie';
import { SessionsService } from './sessions.service';
import type { User } from './user.entity';
import { rememberViewerRow } from './user.loader';

/** Resolves the session cookie to `req.viewer` once per request, for every resolver to use. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionsService) {}

  async use(req: RequestWithViewer, _res: Response, next: NextFunction): Promise<void> {
    const cookies = req.cookies as Record<string, unknown> | undefined;
    const token = cookies?.[SESSION_COOKIE];
    req.viewer = null;
    if (typeof token === 'string' && token.length > 0 && token.length <= 100) {
      req.sessionToken = token;
      const user = await this.sessions.userFor(token);
      req.viewer = user ? viewerOf(user) : null;
      if (user) rememberViewerRow(req, user);
    }
    next();
  }
}

/** The viewer a user's row gives: everything but the password hash. */
export function viewerOf(user: User): SignedInViewer {
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    email: user.email,
    locale: user.locale,
    reputation: user.reputation,
    createdAt: user.createdAt,
  };
}
