import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { signedByUs } from '../common/image-proxy-url';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { fetchImage, ImageRefused } from './image-fetch';

/**
 * `GET /media/proxy?u=<image URL>&s=<signature>`: a remote image of a post, fetched by Parvis so
 * that its host never sees the readers. Only URLs Parvis signed (its Markdown renderer) are
 * fetched. The answer is cached a long time (a URL's image is what it was when first shown),
 * never sniffed, and cannot run anything even if opened on its own.
 */
@Controller('media')
export class ImageProxyController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('proxy')
  async proxy(
    @Query('u') url: string | undefined,
    @Query('s') signature: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    if (typeof url !== 'string' || typeof signature !== 'string' || !signedByUs(url, signature)) {
      res.status(403).type('text/plain').send('This image address was not made by Parvis.');
      return;
    }
    try {
      const image = await fetchImage(url, this.config.mediaProxy);
      res
        .status(200)
        .set({
          'Content-Type': image.contentType,
          'Content-Length': String(image.body.length),
          'Cache-Control': 'public, max-age=2592000, immutable',
          'Content-Disposition': 'inline',
        })
        .send(image.body);
    } catch (error) {
      const message = error instanceof ImageRefused ? error.message : 'The image could not be fetched.';
      res.status(502).set('Cache-Control', 'public, max-age=300').type('text/plain').send(message);
    }
  }
}
