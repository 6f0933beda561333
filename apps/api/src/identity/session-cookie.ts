import type { Response } from 'express';

export const SESSION_COOKIE = 'parvis_session';

/** httpOnly (no script can read it) and SameSite=Lax (not sent on cross-site form posts). */
export function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * The session token in a raw `Cookie` header (a WebSocket upgrade request, which no Express
 * middleware parses), or null. Same bounds as the session middleware applies.
 */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    let token = part.slice(separator + 1).trim();
    try {
      token = decodeURIComponent(token);
    } catch {
      return null;
    }
    return token.length > 0 && token.length <= 100 ? token : null;
  }
  return null;
}
