import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { badInput, DomainError, unauthenticated } from '../common/domain-error';
import type { RequestWithViewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ACCEPTED_TYPES } from './image-encode';
import { UploadsService, UploadVariant } from './uploads.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

/**
 * Photos in posts.
 *
 * `POST /uploads`: the photo's bytes are the request's body and its type the `Content-Type`
 * (image/jpeg, png, gif, webp, avif), as `fetch(url, { method: 'POST', body: file })` sends a
 * File. Not multipart: one file per request needs no form parser, and an image type is not one
 * of the three a cross-site form or "simple" request may send, so a browser on another site
 * cannot post one without a CORS preflight, which Parvis never grants: that, plus refusing a
 * request whose `Sec-Fetch-Site` says it came from elsewhere, is the protection against CSRF
 * (the session cookie is SameSite=Lax as well). Answers 201 with `{ id, url, thumbnailUrl,
 * width, height }`, or an error in GraphQL's shape (`errors[0].extensions`: code, field `file`,
 * reason `UNSUPPORTED_FILE_TYPE`, `FILE_TOO_LARGE` + `maxBytes`, `NOT_AN_IMAGE`, `RATE_LIMITED` + `retryAfter`).
 *
 * `GET /uploads/<id>` (the photo, at most 2048 px) and `GET /uploads/<id>/thumb`: for those who
 * may read its post, 404 for anyone else. Cached a year by the reader's browser (a file never
 * changes), never by shared caches (`private`): whether a photo may be seen is decided per reader
 * and may change (a hidden post), so only Parvis answers for it.
 */
@Controller('uploads')
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async upload(@Req() req: RequestWithViewer, @Res() res: Response): Promise<void> {
    res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    try {
      const site = req.headers['sec-fetch-site'];
      if (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
        throw new DomainError('FORBIDDEN', 'Photos are added from Parvis itself.', undefined, 'CROSS_SITE');
      if (!req.viewer) throw unauthenticated('Sign in to add a photo.');
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!(ACCEPTED_TYPES as readonly string[]).includes(type))
        throw badInput('file', 'Add a JPEG, PNG, GIF, WebP or AVIF photo.', 'UNSUPPORTED_FILE_TYPE');
      const max = this.config.uploads.maxBytes;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > max) throw tooLarge(max);
      const body = await readAtMost(req, max);
      if (!body) throw tooLarge(max);
      if (body.length === 0) throw badInput('file', 'The file is empty.', 'NOT_AN_IMAGE');
      const stored = await this.uploads.upload(req.viewer, body);
      res.status(201).json(stored);
    } catch (error) {
      sendError(res, error);
    }
  }

  @Get(':id')
  full(@Param('id') id: string, @Req() req: RequestWithViewer, @Res() res: Response): Promise<void> {
    return this.serve(id, 'full', req, res);
  }

  @Get(':id/thumb')
  thumbnail(@Param('id') id: string, @Req() req: RequestWithViewer, @Res() res: Response): Promise<void> {
    return this.serve(id, 'thumbnail', req, res);
  }

  private async serve(
    id: string,
    variant: UploadVariant,
    req: RequestWithViewer,
    res: Response,
  ): Promise<void> {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // Whether this reader may see it is decided per request: never kept by a shared cache.
      Vary: 'Cookie',
    });
    try {
      if (!UUID.test(id))
        throw new DomainError('NOT_FOUND', 'There is no such photo.', undefined, 'UPLOAD_NOT_FOUND');
      const file = await this.uploads.read(req.viewer ?? null, id.toLowerCase(), variant);
      res
        .status(200)
        .set({ 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=31536000, immutable' })
        .send(file.body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        res.status(404).set('Cache-Control', 'no-store').type('text/plain').send(error.message);
        return;
      }
      throw error;
    }
  }
}

const tooLarge = (max: number) =>
  badInput('file', `The photo is too large: at most ${Math.floor(max / 1_000_000)} MB.`, {
    reason: 'FILE_TOO_LARGE',
    maxBytes: max,
    maxMegabytes: Math.floor(max / 1_000_000),
  });

function sendError(res: Response, error: unknown): void {
  if (!(error instanceof DomainError)) throw error;
  const status =
    error.details.reason === 'FILE_TOO_LARGE'
      ? 413
      : error.details.reason === 'UNSUPPORTED_FILE_TYPE'
        ? 415
        : (STATUS[error.code] ?? 400);
  if (error.code === 'RATE_LIMITED' && typeof error.details.retryAfter === 'number')
    res.set('Retry-After', String(error.details.retryAfter));
  res.status(status).json({
    errors: [
      { message: error.message, extensions: { code: error.code, field: error.field, ...error.details } },
    ],
  });
}

/** The request's body, or null as soon as it passes `max` bytes (the rest is not read). */
function readAtMost(req: RequestWithViewer, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
