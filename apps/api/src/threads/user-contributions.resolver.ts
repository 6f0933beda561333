import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/viewer';
import { UserType } from '../identity/user.type';
import { AnswersService } from './answers.service';
import { PostType } from './post.type';
import { PostsService } from './posts.service';
import { ProfileAnswerType } from './profile-answer.type';
import { ThreadType } from './thread.type';
import { contributionsByUserId, postsById, threadsById } from './threads.loaders';
import { ThreadsService } from './threads.service';

/** How many questions and answers a profile lists, newest first. */
export const PROFILE_LIST_SIZE = 10;

/**
 * Thanks received, accepted answers and the latest questions and answers on a person's profile.
 * The lists are read for one person at a time (a profile page): one statement each, then loaders.
 */
@Resolver(() => UserType)
export class UserContributionsResolver {
  constructor(
    private readonly answers: AnswersService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @ResolveField(() => [ThreadType], {
    description: `Their latest questions (at most ${PROFILE_LIST_SIZE}), hidden ones left out.`,
  })
  async recentQuestions(user: UserType, _args: unknown, ctx: GraphQLContext): Promise<ThreadType[]> {
    const ids = await this.threads.askedThreadIds(user.id, PROFILE_LIST_SIZE);
    const threads = await threadsById(ctx, this.threads).loadMany(ids);
    return threads.flatMap((t) => (t && !(t instanceof Error) ? [ThreadType.from(t)] : []));
  }

  @ResolveField(() => [ProfileAnswerType], {
    description: `Their latest replies in help and announcement threads (at most ${PROFILE_LIST_SIZE}), hidden ones left out.`,
  })
  async recentAnswers(user: UserType, _args: unknown, ctx: GraphQLContext): Promise<ProfileAnswerType[]> {
    const ids = await this.threads.answerPostIds(user.id, PROFILE_LIST_SIZE);
    const posts = (await postsById(ctx, this.posts).loadMany(ids)).flatMap((p) =>
      p && !(p instanceof Error) ? [p] : [],
    );
    const threads = await threadsById(ctx, this.threads).loadMany(posts.map((p) => p.threadId));
    return posts.flatMap((post, i) => {
      const thread = threads[i];
      return thread && !(thread instanceof Error)
        ? [{ post: PostType.from(post), thread: ThreadType.from(thread) }]
        : [];
    });
  }

  @ResolveField(() => Int, { description: 'Thanks received on their posts.' })
  async thanksReceived(user: UserType, _args: unknown, ctx: GraphQLContext): Promise<number> {
    return (await contributionsByUserId(ctx, this.answers).load(user.id))?.thanksReceived ?? 0;
  }

  @ResolveField(() => Int, { description: 'Their replies accepted as answers.' })
  async acceptedAnswers(user: UserType, _args: unknown, ctx: GraphQLContext): Promise<number> {
    return (await contributionsByUserId(ctx, this.answers).load(user.id))?.acceptedAnswers ?? 0;
  }
}
