import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { useCommunity } from '../testing/community';
import { startTestApp, TestApp } from '../testing/test-app';
import { ask } from '../testing/threads-fixtures';
import { isPrivateAddress } from './image-fetch';

/** A real 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = -1;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return crc ^ -1;
}

const PNG = png();
const requests: { path: string; headers: Record<string, unknown> }[] = [];

/** The "other host" of the images, started by the test on a free port. */
const imageServer: Server = createServer((req, res) => {
  requests.push({ path: req.url ?? '', headers: req.headers });
  const send = (status: number, type: string, body: Buffer | string) =>
    res.writeHead(status, { 'content-type': type }).end(body);
  switch (req.url ?? '') {
    case '/cat.png':
      return send(200, 'image/png', PNG);
    case '/page.html':
      return send(200, 'text/html', '<script>alert(1)</script>');
    case '/drawing.svg':
      return send(
        200,
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
    case '/fake.png':
      return send(200, 'image/png', '<html>not a png</html>');
    case '/huge.png':
      return send(200, 'image/png', Buffer.concat([PNG, Buffer.alloc(5_000)]));
    case '/moved':
      return res.writeHead(302, { location: '/cat.png' }).end();
    case '/slow.png':
      return; // never answers
    default:
      return send(404, 'text/plain', 'no');
  }
});
let imageHost: string;

const ENV = {
  MEDIA_PROXY_ALLOW_PRIVATE: 'true',
  MEDIA_PROXY_MAX_BYTES: '2000',
  MEDIA_PROXY_TIMEOUT_SECONDS: '1',
};
const { test, space, who } = useCommunity(ENV);

beforeAll(async () => {
  await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
  imageHost = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  imageServer.closeAllConnections();
  await new Promise((resolve) => imageServer.close(resolve));
});

/** The src of the first image of a post written with `![…](url)`. */
async function imageSrc(url: string): Promise<string> {
  const thread = await ask(
    who.asker.agent,
    space.help,
    'A question with a picture',
    `Look: ![the picture](${url})`,
  );
  const html: string = thread.question.bodyHtml;
  expect(html).not.toContain(url);
  const src = /<img src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`No image in ${html}`);
  return src.replace(/&amp;/g, '&');
}

describe('remote images in posts', () => {
  it('are shown through Parvis: the post points to the signed proxy, which serves the image with long cache headers', async () => {
    const src = await imageSrc(`${imageHost}/cat.png`);
    expect(src).toMatch(/^\/media\/proxy\?u=[^&]+&s=[\w-]+$/);
    requests.length = 0;
    const response = await fetch(`${test.url}${src}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=2592000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    // The image's host saw Parvis, not the reader's browser: no cookie, no referrer.
    expect(requests).toHaveLength(1);
    expect(requests[0].headers.cookie).toBeUndefined();
    expect(requests[0].headers.referer).toBeUndefined();
  });

  it('refuses a URL Parvis did not sign, or signed for another URL', async () => {
    const src = await imageSrc(`${imageHost}/cat.png`);
    const signature = new URL(src, test.url).searchParams.get('s')!;
    const unsigned = await fetch(`${test.url}/media/proxy?u=${encodeURIComponent(`${imageHost}/cat.png`)}`);
    expect(unsigned.status).toBe(403);
    const other = await fetch(
      `${test.url}/media/proxy?u=${encodeURIComponent(`${imageHost}/page.html`)}&s=${signature}`,
    );
    expect(other.status).toBe(403);
  });

  it('serves only PNG, JPEG, GIF and WebP that are what they claim, within the size cap and the timeout', async () => {
    for (const path of [
      '/page.html',
      '/drawing.svg',
      '/fake.png',
      '/huge.png',
      '/slow.png',
      '/missing.png',
    ]) {
      const response = await fetch(`${test.url}${await imageSrc(`${imageHost}${path}`)}`);
      expect({ path, status: response.status }).toEqual({ path, status: 502 });
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
  });

  it('follows a redirect to an image', async () => {
    const response = await fetch(`${test.url}${await imageSrc(`${imageHost}/moved`)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });
});

describe('the image proxy outside tests', () => {
  let strict: TestApp;
  beforeAll(async () => {
    // Same database and secret, but private addresses refused, as in production.
    strict = await startTestApp({ MEDIA_PROXY_TIMEOUT_SECONDS: '1' }, test.databaseUrl);
  });
  afterAll(() => strict.close());

  it('refuses images on loopback and private networks (the proxy is no way into Parvis’s own network)', async () => {
    const src = await imageSrc(`${imageHost}/cat.png`);
    requests.length = 0;
    const response = await fetch(`${strict.url}${src}`);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/private address/);
    expect(requests).toHaveLength(0);
  });

  it('knows the private ranges', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0.0.0.0',
    ])
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: true });
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: false });
  });
});
