import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CrisisBanner } from './crisis-banner.entity';

@ObjectType('CrisisBanner', { description: 'An official statement shown at the top of every page.' })
export class CrisisBannerType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  bodyHtml: string;

  @Field()
  bodyMarkdown: string;

  @Field()
  publishedAt: Date;

  @Field(() => Date, { nullable: true })
  takenDownAt: Date | null;

  /** Resolved as `thread` and `publishedBy`. */
  threadId: string | null;
  publishedById: string;

  static from(banner: CrisisBanner): CrisisBannerType {
    return Object.assign(new CrisisBannerType(), {
      id: banner.id,
      title: banner.title,
      bodyHtml: banner.bodyHtml,
      bodyMarkdown: banner.bodyMarkdown,
      publishedAt: banner.publishedAt,
      takenDownAt: banner.takenDownAt,
      threadId: banner.threadId,
      publishedById: banner.publishedById,
    });
  }
}
