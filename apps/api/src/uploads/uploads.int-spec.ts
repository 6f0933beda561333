import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { useCommunity } from '../testing/community';
import type { GraphQLAgent, TestApp } from '../testing/test-app';
import { ask, reply } from '../testing/threads-fixtures';
import { LocalUploadStore } from './upload-store';

const QUESTION = `query ($id: ID!) { thread(id: $id) { question { id bodyHtml } } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const START_FOLLOW_UP = `mutation ($input: StartPrivateFollowUpInput!) { startPrivateFollowUp(input: $input) { id } }`;
const SEND_PRIVATE = `mutation ($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { id bodyHtml } }`;

const { test, space, who } = useCommunity({ UPLOAD_MAX_BYTES: '200000', UPLOADS_PER_HOUR: '8' });

/** A photo as a phone takes it: 3000×2000, turned by its EXIF orientation, with a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c04020' } })
    .jpeg({ quality: 40 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Parvis Phone', Model: 'Serial 12345' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 300/100',
      },
    })
    .toBuffer();
}

const GPS_TAG = Buffer.from([0x25, 0x88]);

const smallPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#208040' } })
    .png()
    .toBuffer();

/** What POST /uploads answers: the stored photo, or GraphQL-shaped errors. */
interface UploadAnswer {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  errors: { extensions: Record<string, unknown> & { code: string; reason?: string } }[];
}

async function upload(
  agent: GraphQLAgent | null,
  body: Buffer | string,
  type: string,
  extra: Record<string, string> = {},
) {
  const response = await fetch(`${test.url}/uploads`, {
    method: 'POST',
    headers: {
      'content-type': type,
      ...(agent?.sessionCookie ? { cookie: agent.sessionCookie } : {}),
      ...extra,
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as UploadAnswer,
  };
}

async function view(agent: GraphQLAgent | null, path: string) {
  const response = await fetch(`${test.url}${path}`, {
    headers: agent?.sessionCookie ? { cookie: agent.sessionCookie } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const uploadsDir = (t: TestApp): string => t.app.get<AppConfig>(APP_CONFIG).uploads.dir;

describe('adding a photo', () => {
  it('re-encodes it upright, at most 2048 px, with a thumbnail and without EXIF or GPS', async () => {
    const original = await phonePhoto();
    const exif = (await sharp(original).metadata()).exif;
    expect(exif?.toString('latin1')).toContain('Serial 12345');
    // The GPS IFD pointer (tag 0x8825, little-endian): the position is there.
    expect(exif?.includes(GPS_TAG)).toBe(true);
    const answer = await upload(who.member.agent, original, 'image/jpeg');
    expect(answer.status).toBe(201);
    const { id, url, thumbnailUrl, width, height } = answer.json;
    expect(url).toBe(`/uploads/${id}`);
    expect(thumbnailUrl).toBe(`/uploads/${id}/thumb`);
    // Orientation 6: the 3000×2000 picture stands upright, then fits in 2048.
    expect([width, height]).toEqual([1365, 2048]);

    const full = await view(who.member.agent, url);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/webp');
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const fullMeta = await sharp(full.body).metadata();
    expect([fullMeta.format, fullMeta.width, fullMeta.height]).toEqual(['webp', 1365, 2048]);
    expect(fullMeta.exif).toBeUndefined();
    expect(fullMeta.orientation).toBeUndefined();
    expect(full.body.toString('latin1')).not.toContain('Serial 12345');
    expect(full.body.includes(GPS_TAG)).toBe(false);

    const thumb = await sharp((await view(who.member.agent, thumbnailUrl)).body).metadata();
    expect([thumb.width, thumb.height]).toEqual([427, 640]);
    expect(thumb.exif).toBeUndefined();

    const [row] = await test.db.query(
      `SELECT uploader_id, width, height, post_id FROM uploads WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ uploader_id: who.member.id, width: 1365, height: 2048, post_id: null });
  });

  it('refuses visitors, other types, files too large, what is not an image, and requests from other sites', async () => {
    const png = await smallPng();
    const visitor = await upload(null, png, 'image/png');
    expect([visitor.status, visitor.json.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);

    const svg = await upload(who.member.agent, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(svg.json.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      reason: 'UNSUPPORTED_FILE_TYPE',
    });

    const big = await upload(who.member.agent, Buffer.alloc(300_000, 1), 'image/jpeg');
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions).toMatchObject({
      field: 'file',
      reason: 'FILE_TOO_LARGE',
      maxBytes: 200_000,
    });

    const fake = await upload(who.member.agent, '<html>not a photo</html>', 'image/png');
    expect(fake.status).toBe(400);
    expect(fake.json.errors[0].extensions).toMatchObject({ field: 'file', reason: 'NOT_AN_IMAGE' });

    // An SVG sent as a PNG: read by its bytes, refused.
    const disguised = await upload(
      who.member.agent,
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      'image/png',
    );
    expect(disguised.json.errors[0].extensions).toMatchObject({ reason: 'NOT_AN_IMAGE' });

    const crossSite = await upload(who.member.agent, png, 'image/png', { 'sec-fetch-site': 'cross-site' });
    expect([crossSite.status, crossSite.json.errors[0].extensions.reason]).toEqual([403, 'CROSS_SITE']);
  });

  it('limits the photos a member adds per hour', async () => {
    const png = await smallPng();
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await upload(who.expert.agent, png, 'image/png')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
    const refused = await upload(who.expert.agent, png, 'image/png');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
  });
});

describe('who sees a photo', () => {
  it('is its uploader alone until it is published, then whoever may read its post; hidden with the post, file and row kept', async () => {
    const { json } = await upload(who.asker.agent, await smallPng(), 'image/png');
    expect((await view(who.asker.agent, json.url)).status).toBe(200);
    expect((await view(who.visitor, json.url)).status).toBe(404);
    expect((await view(who.member.agent, json.thumbnailUrl)).status).toBe(404);

    const thread = await ask(
      who.asker.agent,
      space.help,
      'Scratch on the lid',
      'Here is the lid:\n\n![The lid](' + json.url + ')',
    );
    const page = await who.visitor.data(QUESTION, { id: thread.id });
    const question = page.thread.question;
    expect(question.bodyHtml).toContain(
      `<a href="/uploads/${json.id}" class="upload"><img src="/uploads/${json.id}/thumb" alt="The lid" loading="lazy" /></a>`,
    );
    const [row] = await test.db.query(`SELECT post_id FROM uploads WHERE id = $1`, [json.id]);
    expect(row.post_id).toBe(question.id);
    expect((await view(who.visitor, json.url)).status).toBe(200);
    expect((await view(who.member.agent, json.thumbnailUrl)).status).toBe(200);

    // Someone quoting the photo in their own reply does not make it theirs.
    await reply(who.member.agent, thread.id, `Same here ![lid](${json.url})`);
    expect((await test.db.query(`SELECT post_id FROM uploads WHERE id = $1`, [json.id]))[0].post_id).toBe(
      question.id,
    );

    await who.moderator.agent.data(HIDE, { input: { postId: question.id, reason: 'PERSONAL_DATA' } });
    const hidden = await view(who.visitor, json.url);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('cache-control')).toBe('no-store');
    expect((await view(who.member.agent, json.thumbnailUrl)).status).toBe(404);
    // Its author and the moderators still see it, as they see the post.
    expect((await view(who.asker.agent, json.url)).status).toBe(200);
    expect((await view(who.moderator.agent, json.url)).status).toBe(200);
    // Never deleted: the row and the file stay.
    expect(await test.db.query(`SELECT count(*)::int AS n FROM uploads WHERE id = $1`, [json.id])).toEqual([
      { n: 1 },
    ]);
    const file = new LocalUploadStore(uploadsDir(test)).path(`${json.id}.webp`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(8, 12).toString('latin1')).toBe('WEBP');

    await who.moderator.agent.data(RESTORE, { input: { postId: question.id } });
    expect((await view(who.visitor, json.url)).status).toBe(200);
  });

  it('in a private follow-up: its asker and staff only', async () => {
    const thread = await ask(who.asker.agent, space.help, 'My order arrived broken');
    const followUp = (
      await who.staff.agent.data(START_FOLLOW_UP, {
        input: { threadId: thread.id, bodyMarkdown: 'Send us a photo of the label.' },
      })
    ).startPrivateFollowUp;
    const { json } = await upload(who.asker.agent, await smallPng(), 'image/png');
    const sent = (
      await who.asker.agent.data(SEND_PRIVATE, {
        input: { followUpId: followUp.id, bodyMarkdown: `The label: ![label](${json.url})` },
      })
    ).sendPrivateMessage;
    expect(sent.bodyHtml).toContain(`/uploads/${json.id}/thumb`);
    const [row] = await test.db.query(`SELECT post_id, private_message_id FROM uploads WHERE id = $1`, [
      json.id,
    ]);
    expect(row).toEqual({ post_id: null, private_message_id: sent.id });
    expect((await view(who.asker.agent, json.url)).status).toBe(200);
    expect((await view(who.staff.agent, json.url)).status).toBe(200);
    expect((await view(who.member.agent, json.url)).status).toBe(404);
    expect((await view(who.visitor, json.thumbnailUrl)).status).toBe(404);
  });

  it('goes with its thread when the question is hidden, even in a reply', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Selling cheap watches', 'Visit my shop');
    const { json } = await upload(who.member.agent, await smallPng(), 'image/png');
    await reply(who.member.agent, thread.id, `What they look like: ![watch](${json.url})`);
    expect((await view(who.visitor, json.thumbnailUrl)).status).toBe(200);
    const [question] = await test.db.query(`SELECT id FROM posts WHERE thread_id = $1 AND is_question`, [
      thread.id,
    ]);
    await who.moderator.agent.data(HIDE, { input: { postId: question.id, reason: 'SPAM' } });
    expect((await view(who.visitor, json.thumbnailUrl)).status).toBe(404);
    expect((await view(who.expert.agent, json.url)).status).toBe(404);
    expect((await view(who.moderator.agent, json.url)).status).toBe(200);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await view(who.visitor, '/uploads/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await view(who.visitor, '/uploads/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });
});

describe('never deleted', () => {
  it('refuses DELETE and TRUNCATE on uploads, even to the owner, and a photo never changes home', async () => {
    const { json } = await upload(who.staff.agent, await smallPng(), 'image/png');
    await expect(
      test.asOwner((query) => query(`DELETE FROM uploads WHERE id = $1`, [json.id])),
    ).rejects.toThrow(/never deletes/);
    await expect(test.asOwner((query) => query(`TRUNCATE uploads CASCADE`))).rejects.toThrow(/never deletes/);
    await expect(test.db.query(`DELETE FROM uploads WHERE id = $1`, [json.id])).rejects.toThrow();
    const thread = await ask(who.staff.agent, space.help, 'New opening hours', `![Shop](${json.url})`);
    const other = await ask(who.staff.agent, space.help, 'Another', 'Text');
    const [otherPost] = await test.db.query(`SELECT id FROM posts WHERE thread_id = $1`, [other.id]);
    await expect(
      test.db.query(`UPDATE uploads SET post_id = $1 WHERE id = $2`, [otherPost.id, json.id]),
    ).rejects.toThrow(/stays with/);
    expect(thread.id).toBeDefined();
  });
});
