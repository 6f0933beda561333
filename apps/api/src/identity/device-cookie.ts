import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * A browser that has signed in to an account before carries a proof of it (OWASP's "device
 * cookie"): an HMAC of the e-mail with the server's secret, set on each successful sign-in. The
 * per-address sign-in limit does not apply to an attempt that carries the proof for its e-mail,
 * so an attacker who fails many sign-ins from an address shared with others (an office, a mobile
 * carrier, a proxy without TRUST_PROXY) slows only the accounts never used from there, not every
 * account's owner. It proves nothing more and grants nothing else: the password is still checked.
 */
export const DEVICE_COOKIE = 'parvis_device';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export function deviceProof(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`sign-in-device:${email}`).digest('base64url');
}

/** True when the request carries the proof that this browser signed in as `email` before. */
export function isKnownDevice(req: Request, secret: string, email: string): boolean {
  const sent: unknown = (req.cookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(deviceProof(secret, email));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function setDeviceCookie(res: Response, secret: string, email: string, secure: boolean): void {
  res.cookie(DEVICE_COOKIE, deviceProof(secret, email), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: ONE_YEAR_MS,
  });
}
