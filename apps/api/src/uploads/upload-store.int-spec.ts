import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { useCommunity } from '../testing/community';
import { ask } from '../testing/threads-fixtures';

/**
 * A small S3-compatible server for the test: path-style buckets, PUT and GET of objects, and
 * requests refused unless signed with AWS Signature V4 by the expected key (the header's shape;
 * the signature itself is aws4fetch's).
 */
const objects = new Map<string, { body: Buffer; type: string }>();
const seen: { method: string; path: string; authorization: string }[] = [];

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const s3: Server = createServer((req, res) => {
  void (async () => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    const authorization = String(req.headers.authorization ?? '');
    seen.push({ method: req.method ?? '', path, authorization });
    if (
      !/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/eu-test-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.test(
        authorization,
      ) ||
      !req.headers['x-amz-date'] ||
      !req.headers['x-amz-content-sha256']
    ) {
      res
        .writeHead(403, { 'content-type': 'application/xml' })
        .end('<Error><Code>AccessDenied</Code></Error>');
      return;
    }
    if (req.method === 'PUT') {
      objects.set(path, { body: await body(req), type: String(req.headers['content-type']) });
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      const object = objects.get(path);
      if (!object)
        res
          .writeHead(404, { 'content-type': 'application/xml' })
          .end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'content-type': object.type }).end(object.body);
    } else res.writeHead(405).end();
  })();
});

const env: Record<string, string> = {};
beforeAll(async () => {
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  Object.assign(env, {
    S3_URL: `http://127.0.0.1:${(s3.address() as AddressInfo).port}/`,
    S3_BUCKET: 'parvis-photos',
    S3_REGION: 'eu-test-1',
    S3_ACCESS_KEY_ID: 'test-key',
    S3_SECRET_ACCESS_KEY: 'test-secret',
  });
});
afterAll(() => new Promise<void>((resolve) => s3.close(() => resolve())));

// Registered after the beforeAll above: the app starts with the S3 settings filled in.
const { test, space, who } = useCommunity(env);

it('keeps photos in an S3-compatible store and serves them from there', async () => {
  const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#3060a0' } })
    .png()
    .toBuffer();
  const response = await fetch(`${test.url}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', cookie: who.member.agent.sessionCookie ?? '' },
    body: new Uint8Array(png),
  });
  expect(response.status).toBe(201);
  const { id, url, thumbnailUrl } = (await response.json()) as {
    id: string;
    url: string;
    thumbnailUrl: string;
  };
  expect([...objects.keys()].sort()).toEqual([
    `/parvis-photos/${id}-thumb.webp`,
    `/parvis-photos/${id}.webp`,
  ]);
  expect(objects.get(`/parvis-photos/${id}.webp`)?.type).toBe('image/webp');

  await ask(who.member.agent, space.help, 'Which cable is this?', `![cable](${url})`);
  const served = await fetch(`${test.url}${thumbnailUrl}`);
  expect(served.status).toBe(200);
  expect(
    Buffer.from(await served.arrayBuffer()).equals(objects.get(`/parvis-photos/${id}-thumb.webp`)!.body),
  ).toBe(true);
  expect(seen.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
    `/parvis-photos/${id}-thumb.webp`,
  ]);
});
