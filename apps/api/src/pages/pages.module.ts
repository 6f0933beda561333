import { Module } from '@nestjs/common';
import { PagesController } from './pages.controller';
import { PagesService } from './pages.service';
import { SitemapService } from './sitemap.service';

/** Server-rendered pages, their cache for signed-out readers, the sitemap and robots.txt. */
@Module({
  controllers: [PagesController],
  providers: [PagesService, SitemapService],
  exports: [PagesService],
})
export class PagesModule {}
