import { Args, Query, Resolver } from '@nestjs/graphql';
import { PostType } from '../threads/post.type';
import { ThreadType } from '../threads/thread.type';
import { SearchArgs, SearchResultType, SimilarArgs } from './search.type';
import { SearchService } from './search.service';

@Resolver(() => SearchResultType)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => [SearchResultType], {
    description:
      'Full-text search over threads and posts (French, English, Spanish; accents ignored), best first. Public.',
  })
  async search(@Args() args: SearchArgs): Promise<SearchResultType[]> {
    const hits = await this.service.search(args.query, args.first);
    return hits.map((hit) =>
      Object.assign(new SearchResultType(), {
        thread: ThreadType.from(hit.thread),
        post: PostType.from(hit.post),
        titleHtml: hit.titleHtml,
        snippetHtml: hit.snippetHtml,
        rank: hit.rank,
      }),
    );
  }

  @Query(() => [ThreadType], {
    description: 'Threads close to a title being typed: answered ones for HELP, ideas for IDEAS.',
  })
  async similar(@Args() args: SimilarArgs): Promise<ThreadType[]> {
    return (await this.service.similar(args.title, args.kind, args.first)).map((t) => ThreadType.from(t));
  }
}
