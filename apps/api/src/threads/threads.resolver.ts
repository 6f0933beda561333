import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  ConnectionShape,
  creationOrderKey,
  decodeCursor,
  MAX_PAGE_SIZE,
  PageArgs,
  mapConnection,
  toConnection,
} from '../common/pagination';
import { operationAsks, requestedArgs } from '../common/requested-fields';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { readableTitle } from './post-visibility';
import { SpaceType } from '../spaces/space.type';
import { spacesById } from '../spaces/spaces.loader';
import { SpacesService } from '../spaces/spaces.service';
import { AnswersService } from './answers.service';
import { PostConnection, PostType } from './post.type';
import { PostsService } from './posts.service';
import { PrivateFollowUpsService } from './private-follow-ups.service';
import { PrivateFollowUpNoticeType, ThreadConnection, ThreadsArgs, ThreadType } from './thread.type';
import { CreateThreadInput, ThreadIdInput } from './threads.inputs';
import {
  followUpByThreadId,
  postsById,
  questionByThreadId,
  questionStateByThreadId,
  replyPages,
  revisionsByPostId,
  threadsById,
  viewerThanksPostId,
} from './threads.loaders';
import {
  canAcceptAnswer,
  canReadPrivateFollowUp,
  canReply,
  canResolve,
  canStartPrivateFollowUp,
  takesAnswers,
} from './threads.rules';
import { ThreadsService } from './threads.service';

/**
 * Threads. Its field resolvers, asked for each thread of a list, take GraphQL's own arguments
 * (the thread, the field's arguments, the context) without parameter decorators, as in
 * PostsResolver: they are then called directly, not through Nest's per-call parameter pipeline.
 * Only `posts`, whose arguments are validated, keeps its decorators (one call per thread page).
 */
@Resolver(() => ThreadType)
export class ThreadsResolver {
  constructor(
    private readonly service: ThreadsService,
    private readonly postsService: PostsService,
    private readonly followUps: PrivateFollowUpsService,
    private readonly spaces: SpacesService,
    private readonly identity: IdentityService,
    private readonly answers: AnswersService,
  ) {}

  /**
   * The thread page, in one round trip to the database whatever it shows (two statements sent at
   * once, ThreadsService.threadPage): the thread with its space and private follow-up notice, its
   * question, its accepted answer and the page of replies its `posts` field asks for, with their
   * authors and earlier versions. They are primed into the loaders the fields read, so that only
   * what the viewer flagged and people the page names beyond the posts' authors (who
   * accepted the answer, who acknowledged it) cost a statement more, one per kind of row. What
   * the viewer thanks comes with the posts too. Their Markdown source only when the operation
   * asks for a `bodyMarkdown` anywhere (the web app's page does not: it asks `post` as the editor
   * opens), so that no field can read a post primed here without it.
   */
  @Query(() => ThreadType)
  async thread(
    @Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ThreadType> {
    const page = firstRepliesAsked(info);
    const rows = await this.service.threadPage(id, page, {
      viewerId: ctx.req.viewer?.id ?? null,
      markdown: operationAsks(info, 'bodyMarkdown'),
    });
    const { thread } = rows;
    threadsById(ctx, this.service).prime(thread.id, thread);
    spacesById(ctx, this.spaces).prime(rows.space.id, rows.space);
    followUpByThreadId(ctx, this.followUps).prime(thread.id, rows.followUp);
    for (const user of rows.authors) usersById(ctx, this.identity).prime(user.id, user);
    for (const post of rows.posts) {
      postsById(ctx, this.postsService).prime(post.id, post);
      if (rows.thankedByViewer)
        viewerThanksPostId(ctx, this.answers).prime(post.id, rows.thankedByViewer.has(post.id));
      revisionsByPostId(ctx, this.postsService).prime(post.id, rows.revisions.get(post.id) ?? []);
      if (post.isQuestion) {
        questionByThreadId(ctx, this.postsService).prime(thread.id, post);
        questionStateByThreadId(ctx, this.postsService).prime(thread.id, post);
      }
    }
    if (page && rows.replies) {
      const total = thread.repliesCount;
      replyPages(ctx, this.postsService).prime(
        { threadId: thread.id, total, ...page },
        toConnection(rows.replies, page.first, total, creationOrderKey),
      );
    }
    return ThreadType.from(thread);
  }

  @Query(() => ThreadConnection, {
    description: 'Threads, pinned first, then by last activity (or newest). Public.',
  })
  async threads(
    @Args() args: ThreadsArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<ConnectionShape<ThreadType>> {
    const { connection, authors, questions } = await this.service.threads(args);
    for (const edge of connection.edges) threadsById(ctx, this.service).prime(edge.node.id, edge.node);
    for (const user of authors) usersById(ctx, this.identity).prime(user.id, user);
    for (const [threadId, question] of questions)
      questionStateByThreadId(ctx, this.postsService).prime(threadId, question);
    return mapConnection(connection, (t) => ThreadType.from(t));
  }

  @Mutation(() => ThreadType, {
    description: 'Asks a question in a HELP space (staff may also post in announcements).',
  })
  async createThread(
    @Args('input') input: CreateThreadInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.service.createThread(viewer, input));
  }

  @Mutation(() => ThreadType, { description: 'The asker or a moderator closes the thread as resolved.' })
  async resolveThread(
    @Args('input') input: ThreadIdInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.service.resolveThread(viewer, input));
  }

  @Mutation(() => ThreadType, { description: 'The asker or a moderator reopens a resolved thread.' })
  async reopenThread(
    @Args('input') input: ThreadIdInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.service.reopenThread(viewer, input));
  }

  @ResolveField(() => String, {
    description:
      'The title; "Hidden question" for readers the question is hidden from (the title is part of the question).',
  })
  async title(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<string> {
    const question = await questionStateByThreadId(ctx, this.postsService).load(thread.id);
    return readableTitle(thread.title, question, ctx.req.viewer ?? null);
  }

  @ResolveField(() => SpaceType)
  async space(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<SpaceType> {
    return SpaceType.from((await spacesById(ctx, this.spaces).load(thread.spaceId))!);
  }

  @ResolveField(() => UserType)
  async author(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(thread.authorId))!,
      ctx.req.viewer ?? null,
    );
  }

  @ResolveField(() => PostType, { description: 'The question: the thread’s first post.' })
  async question(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<PostType> {
    return PostType.from((await questionByThreadId(ctx, this.postsService).load(thread.id))!);
  }

  @ResolveField(() => PostType, {
    nullable: true,
    description: 'The accepted answer, shown first under the question.',
  })
  async acceptedAnswer(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<PostType | null> {
    if (!thread.acceptedAnswerId) return null;
    const post = await postsById(ctx, this.postsService).load(thread.acceptedAnswerId);
    return post ? PostType.from(post) : null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Who accepted or marked the answer.' })
  async acceptedBy(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<UserType | null> {
    if (!thread.acceptedById) return null;
    const user = await usersById(ctx, this.identity).load(thread.acceptedById);
    return user ? UserType.from(user, ctx.req.viewer ?? null) : null;
  }

  @ResolveField(() => PostConnection, {
    description: 'The replies, oldest first (the question is `question`).',
  })
  async posts(
    @Parent() thread: ThreadType,
    @Args() args: PageArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<ConnectionShape<PostType>> {
    const page = await replyPages(ctx, this.postsService).load({
      threadId: thread.id,
      total: thread.repliesCount,
      first: args.first,
      after: args.after,
    });
    return mapConnection(page!, (p) => PostType.from(p));
  }

  @ResolveField(() => PrivateFollowUpNoticeType, {
    nullable: true,
    description:
      'Public notice that the case continues privately with the named agent; null when it does not.',
  })
  async privateFollowUp(
    thread: ThreadType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<PrivateFollowUpNoticeType | null> {
    const followUp = await followUpByThreadId(ctx, this.followUps).load(thread.id);
    if (!followUp) return null;
    const viewer = ctx.req.viewer ?? null;
    return Object.assign(new PrivateFollowUpNoticeType(), {
      agentId: followUp.agentId,
      startedAt: followUp.createdAt,
      followUpId: canReadPrivateFollowUp(viewer, followUp.askerId) ? followUp.id : null,
    });
  }

  @ResolveField(() => Boolean, { description: 'The viewer may reply (signed in, thread not locked).' })
  viewerCanReply(thread: ThreadType, _args: unknown, ctx: GraphQLContext): boolean {
    return canReply(ctx.req.viewer ?? null, thread);
  }

  @ResolveField(() => Boolean, {
    description:
      'The viewer may accept an answer (the asker, an expert or a moderator) on this help thread (ideas and announcements have none).',
  })
  async viewerCanAcceptAnswer(thread: ThreadType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    if (!canAcceptAnswer(ctx.req.viewer ?? null, thread)) return false;
    const space = await spacesById(ctx, this.spaces).load(thread.spaceId);
    return !!space && takesAnswers(space.kind);
  }

  @ResolveField(() => Boolean, {
    description: 'The viewer may resolve or reopen the thread (the asker or a moderator).',
  })
  viewerCanResolve(thread: ThreadType, _args: unknown, ctx: GraphQLContext): boolean {
    return canResolve(ctx.req.viewer ?? null, thread);
  }

  @ResolveField(() => Boolean, { description: 'The viewer may start a private follow-up (staff).' })
  viewerCanStartPrivateFollowUp(_thread: ThreadType, _args: unknown, ctx: GraphQLContext): boolean {
    return canStartPrivateFollowUp(ctx.req.viewer ?? null);
  }
}

/**
 * The page of replies the thread query's `posts` field asks for, when it asks for one page (not
 * two aliases with different pages) with valid arguments; null otherwise, and then `posts`
 * fetches and checks its page itself.
 */
function firstRepliesAsked(info: GraphQLResolveInfo): { first: number; after?: string } | null {
  const asked = requestedArgs(info, 'posts');
  if (asked.length === 0) return null;
  const [{ first, after }] = asked;
  const same = asked.every((args) => args.first === first && args.after === after);
  if (!same || !Number.isInteger(first) || (first as number) < 1 || (first as number) > MAX_PAGE_SIZE)
    return null;
  if (after === undefined || after === null) return { first: first as number };
  if (typeof after !== 'string' || after.length > 500) return null;
  try {
    decodeCursor(after, ['instant', 'uuid']);
  } catch {
    return null;
  }
  return { first: first as number, after };
}
