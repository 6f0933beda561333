import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { sitemapIdeas, sitemapIdeasCount } from '../ideas/ideas.queries';
import { sitemapThreads, sitemapThreadsCount } from '../threads/threads.queries';

/** At most this many addresses in one sitemap file (the sitemaps protocol's limit). */
export const SITEMAP_PAGE_SIZE = 50_000;

type Kind = 'threads' | 'ideas';

/**
 * What search engines are told to read: `/sitemap.xml` is an index of files of at most 50,000
 * addresses (`/sitemaps/threads-1.xml`, `/sitemaps/ideas-1.xml`…), each address with the date of
 * its last activity. Only public pages: threads and ideas (nothing private has an address there).
 */
@Injectable()
export class SitemapService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly pageSize = SITEMAP_PAGE_SIZE;

  private get base(): string {
    return this.config.mail.publicUrl;
  }

  async index(): Promise<string> {
    const [threads, ideas] = await Promise.all([
      sitemapThreadsCount(this.db),
      sitemapIdeasCount(this.db.manager),
    ]);
    const files: string[] = [];
    for (const [kind, count] of [
      ['threads', threads],
      ['ideas', ideas],
    ] as const) {
      for (let page = 1; page <= Math.max(1, Math.ceil(count / this.pageSize)); page++) {
        files.push(`  <sitemap><loc>${this.base}/sitemaps/${kind}-${page}.xml</loc></sitemap>`);
      }
    }
    return xml('sitemapindex', files);
  }

  /** One file of the index (`threads-1`), or null for a name it does not list. */
  async file(name: string): Promise<string | null> {
    const match = /^(threads|ideas)-([1-9]\d{0,5})$/.exec(name);
    if (!match) return null;
    const kind = match[1] as Kind;
    const page = Number(match[2]);
    const offset = (page - 1) * this.pageSize;
    const rows =
      kind === 'threads'
        ? await sitemapThreads(this.db, offset, this.pageSize)
        : await sitemapIdeas(this.db.manager, offset, this.pageSize);
    if (rows.length === 0 && page > 1) return null;
    const path = kind === 'threads' ? 't' : 'ideas';
    return xml(
      'urlset',
      rows.map(
        (row) =>
          `  <url><loc>${this.base}/${path}/${row.id}</loc><lastmod>${new Date(row.lastActivityAt).toISOString()}</lastmod></url>`,
      ),
    );
  }

  robots(): string {
    return `User-agent: *\nAllow: /\nDisallow: /staff/\nDisallow: /moderation$\nDisallow: /follow-ups/\nDisallow: /notifications\n\nSitemap: ${this.base}/sitemap.xml\n`;
  }
}

function xml(root: 'sitemapindex' | 'urlset', lines: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</${root}>\n`;
}
