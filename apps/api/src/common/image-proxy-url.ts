import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Remote images in what people write are shown through Parvis (`/media/proxy`, the media room),
 * never fetched by readers' browsers from the other host, which would learn every reader's
 * address. The Markdown renderer rewrites each remote `<img src>` to a proxy URL signed with a
 * key derived from SESSION_SECRET (shared by every API process), and the proxy fetches only
 * URLs it signed: it is not an open relay. The key is set once at start-up (MediaModule).
 */
let key: Buffer | null = null;

export const IMAGE_PROXY_PATH = '/media/proxy';

export function setImageProxyKey(secret: string): void {
  key = createHmac('sha256', secret).update('parvis image proxy').digest();
}

function signature(url: string): string {
  if (!key) throw new Error('The image proxy has no key yet (MediaModule sets it at start-up).');
  return createHmac('sha256', key).update(url).digest('base64url');
}

/** The proxy URL of a remote image (http or https). */
export function proxiedImageUrl(url: string): string {
  return `${IMAGE_PROXY_PATH}?u=${encodeURIComponent(url)}&s=${signature(url)}`;
}

/** True when `s` is this server's signature of `url`. */
export function signedByUs(url: string, s: string): boolean {
  const expected = Buffer.from(signature(url));
  const given = Buffer.from(s);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
