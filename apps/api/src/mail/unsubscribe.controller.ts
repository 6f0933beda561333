import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MailService } from './mail.service';

/**
 * The address in a notification mail's List-Unsubscribe header. RFC 8058: a mail client POSTs
 * `List-Unsubscribe=One-Click` here, without cookies; the signed token alone decides. A GET (a
 * person or a link scanner) changes nothing and leads to the web page, which asks first.
 */
@Controller('mail/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly mail: MailService) {}

  @Post()
  @HttpCode(200)
  async oneClick(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    const claim = typeof token === 'string' ? await this.mail.unsubscribe(token) : null;
    res
      .status(claim ? 200 : 400)
      .type('text/plain')
      .send(claim ? 'Unsubscribed.' : 'This unsubscribe link is not one Parvis sent, or it was altered.');
  }

  @Get()
  page(@Query('token') token: string | undefined, @Res() res: Response): void {
    res.redirect(303, `/unsubscribe?token=${encodeURIComponent(typeof token === 'string' ? token : '')}`);
  }
}
