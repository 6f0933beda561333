import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Keys derived from SESSION_SECRET (never stored in the database), so that a copy of the database
 * alone can neither read a queued reset link nor forge an unsubscribe link.
 */
function key(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`parvis:${purpose}:${secret}`).digest();
}

/** Encrypts a mail's secret parameters (AES-256-GCM) until the worker renders the mail. */
export function seal(secret: string, value: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret, 'mail-seal'), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function unseal(secret: string, sealed: string): Record<string, string> {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(secret, 'mail-seal'), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as Record<
    string,
    string
  >;
}

export interface UnsubscribeClaim {
  userId: string;
  list: string;
}

/** `<user id>.<list>.<signature>`: the link names its recipient, and only the signature makes it valid. */
export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return `${claim.userId}.${claim.list}.${signature(secret, claim)}`;
}

/** The claim of a genuine token, or null for anything forged, altered or truncated. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const match = /^([0-9a-f-]{36})\.([a-z0-9-]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const claim = { userId: match[1], list: match[2] };
  const expected = Buffer.from(signature(secret, claim));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? claim : null;
}

function signature(secret: string, claim: UnsubscribeClaim): string {
  return createHmac('sha256', key(secret, 'unsubscribe'))
    .update(`${claim.userId}:${claim.list}`)
    .digest('base64url');
}
