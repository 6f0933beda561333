import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { ThreadType } from '../threads/thread.type';
import { threadsById } from '../threads/threads.loaders';
import { ThreadsService } from '../threads/threads.service';
import { CrisisBannerType } from './crisis-banner.type';

@Resolver(() => CrisisBannerType)
export class CrisisBannerResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly threads: ThreadsService,
  ) {}

  @ResolveField(() => ThreadType, { nullable: true, description: 'The pinned discussion thread.' })
  async thread(banner: CrisisBannerType, _args: unknown, ctx: GraphQLContext): Promise<ThreadType | null> {
    if (!banner.threadId) return null;
    const thread = await threadsById(ctx, this.threads).load(banner.threadId);
    return thread ? ThreadType.from(thread) : null;
  }

  @ResolveField(() => UserType)
  async publishedBy(banner: CrisisBannerType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(banner.publishedById))!,
      ctx.req.viewer ?? null,
    );
  }
}
