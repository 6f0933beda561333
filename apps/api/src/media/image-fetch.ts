import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { MediaProxyConfig } from '../config/config';

/** The image types shown (no SVG: it can carry scripts), each recognised by its first bytes too. */
const IMAGE_TYPES: Record<string, (head: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

const MAX_REDIRECTS = 3;

/** Addresses an image URL must not make Parvis reach (its own host and networks: SSRF). */
const PRIVATE_V4 = new BlockList();
// Apart: an IPv4 address is also checked against the IPv6 ranges of the same list.
const PRIVATE_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4 written as IPv6 (::ffff:127.0.0.1): no image needs it.
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE_V6.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? PRIVATE_V4.check(address, 'ipv4') : PRIVATE_V6.check(address, 'ipv6');
}

export class ImageRefused extends Error {}

export interface FetchedImage {
  contentType: string;
  body: Buffer;
}

/**
 * Fetches a remote image for the proxy: http(s) only, at most `maxBytes`, within the timeout,
 * following at most 3 redirects, and connecting only to public addresses: the check is made on
 * the address actually connected to (in the DNS lookup of each request), so a name that
 * resolves to a private address, or a redirect to one, is refused too. Only PNG, JPEG, GIF and
 * WebP, by their header and by their first bytes.
 */
export async function fetchImage(url: string, config: MediaProxyConfig): Promise<FetchedImage> {
  const deadline = Date.now() + config.timeoutSeconds * 1000;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await get(current, config, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, current).toString();
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new ImageRefused(`The image's server answered ${status}.`);
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const recognise = IMAGE_TYPES[contentType];
    if (!recognise) {
      response.resume();
      throw new ImageRefused(`Not an image Parvis shows (${contentType || 'no type'}).`);
    }
    const length = Number(response.headers['content-length'] ?? 0);
    if (length > config.maxBytes) {
      response.destroy();
      throw new ImageRefused('The image is too large.');
    }
    const body = await readAtMost(response, config.maxBytes, deadline);
    if (!recognise(body)) throw new ImageRefused(`The file is not the ${contentType} it claims to be.`);
    return { contentType, body };
  }
  throw new ImageRefused('Too many redirects.');
}

function get(url: string, config: MediaProxyConfig, deadline: number): Promise<IncomingMessage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new ImageRefused('Not a URL.'));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return Promise.reject(new ImageRefused('Only http and https images are shown.'));
  if (parsed.username || parsed.password)
    return Promise.reject(new ImageRefused('No credentials in image URLs.'));
  // An address in the URL is connected to without a DNS lookup: checked here.
  const literal = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !config.allowPrivateAddresses && isPrivateAddress(literal))
    return Promise.reject(new ImageRefused(`${literal} is a private address: not fetched.`));
  const request = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      parsed,
      {
        method: 'GET',
        headers: { accept: Object.keys(IMAGE_TYPES).join(', '), 'user-agent': 'Parvis image proxy' },
        timeout: Math.max(deadline - Date.now(), 1),
        lookup: (hostname, options, callback) => safeLookup(hostname, config.allowPrivateAddresses, callback),
      },
      resolve,
    );
    req.on('timeout', () => req.destroy(new ImageRefused('The image took too long.')));
    req.on('error', (error) =>
      reject(error instanceof ImageRefused ? error : new ImageRefused(error.message)),
    );
    req.end();
  });
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** DNS resolution that refuses private addresses (an IP literal in the URL goes through it too). */
function safeLookup(hostname: string, allowPrivate: boolean, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
    if (usable.length === 0)
      return callback(new ImageRefused(`${hostname} is a private address: not fetched.`), []);
    callback(null, usable[0].address, usable[0].family);
  });
}

function readAtMost(response: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(
      () => response.destroy(new ImageRefused('The image took too long.')),
      Math.max(deadline - Date.now(), 1),
    );
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(new ImageRefused('The image is too large.'));
      else chunks.push(chunk);
    });
    response.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    response.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof ImageRefused ? error : new ImageRefused(error.message));
    });
    response.on('close', () => {
      clearTimeout(timer);
      if (!response.complete) reject(new ImageRefused('The image did not arrive whole.'));
    });
  });
}
