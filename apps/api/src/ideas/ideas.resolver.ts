import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isVotingOpen } from '@parvis/domain';
import { PageArgs, mapConnection } from '../common/pagination';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { readableBody, readableTitle } from '../threads/post-visibility';
import { PostConnection, PostType } from '../threads/post.type';
import { CampaignType } from './campaign.type';
import { IdeaConnection, IdeaStatusChangeType, IdeaType } from './idea.type';
import { ideaLoaders } from './ideas.loaders';
import { IdeasArgs, MergeIdeaInput, SetIdeaStatusInput, SubmitIdeaInput, VoteInput } from './ideas.inputs';
import { IdeasService } from './ideas.service';

/**
 * Ideas of the board, campaigns and pages. The per-idea field resolvers take GraphQL's own
 * arguments (the idea, the field's arguments, the context) without parameter decorators, as the
 * posts' do (PostsResolver): a field resolved for every idea of a page is then called directly,
 * not through Nest's per-call parameter pipeline.
 */
@Resolver(() => IdeaType)
export class IdeasResolver {
  constructor(
    private readonly ideas: IdeasService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => IdeaConnection, {
    name: 'ideas',
    description: 'Ideas of the idea box, by TOP, TRENDING or NEW. Public.',
  })
  async listIdeas(@Args() args: IdeasArgs) {
    const page = await this.ideas.list(args);
    return mapConnection(page, (idea) => IdeaType.from(idea));
  }

  @Query(() => IdeaType)
  async idea(@Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string): Promise<IdeaType> {
    return IdeaType.from(await this.ideas.idea(id));
  }

  @Query(() => [IdeaType], {
    description: 'Ideas whose title is close to this one (shown while typing a new idea).',
  })
  async similarIdeas(@Args('title') title: string): Promise<IdeaType[]> {
    return (await this.ideas.similar(title.slice(0, 300))).map((row) => IdeaType.from(row));
  }

  @Mutation(() => IdeaType, { description: 'Proposes an idea; its author’s vote is cast automatically.' })
  async submitIdea(
    @Args('input') input: SubmitIdeaInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IdeaType> {
    return IdeaType.from(await this.ideas.submit(viewer, input));
  }

  @Mutation(() => IdeaType)
  async vote(
    @Args('input') input: VoteInput,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GraphQLContext,
  ): Promise<IdeaType> {
    const idea = await this.ideas.vote(viewer, input.ideaId);
    // The vote was just cast: nothing to look up to say so.
    ideaLoaders(ctx, this.ideas).viewerHasVoted.prime(idea.id, true);
    return IdeaType.from(idea);
  }

  @Mutation(() => IdeaType, {
    description: 'Withdraws the viewer’s vote (kept in the vote history as withdrawn).',
  })
  async unvote(@Args('input') input: VoteInput, @CurrentViewer() viewer: Viewer): Promise<IdeaType> {
    return IdeaType.from(await this.ideas.unvote(viewer, input.ideaId));
  }

  @Mutation(() => IdeaType, {
    description: 'Staff and moderators: answers an idea with a status and an official response.',
  })
  async setIdeaStatus(
    @Args('input') input: SetIdeaStatusInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IdeaType> {
    return IdeaType.from(await this.ideas.setStatus(viewer, input));
  }

  @Mutation(() => IdeaType, {
    description: 'Moderators: merges a duplicate (returned, now MERGED) into another idea.',
  })
  async mergeIdea(@Args('input') input: MergeIdeaInput, @CurrentViewer() viewer: Viewer): Promise<IdeaType> {
    return IdeaType.from(await this.ideas.merge(viewer, input));
  }

  @ResolveField(() => String, {
    description:
      'The title; "Hidden question" for readers a moderator hid the idea’s body from (the title is part of it).',
  })
  async title(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<string> {
    const post =
      idea.question !== undefined
        ? idea.question
        : await ideaLoaders(ctx, this.ideas).body.load(idea.threadId);
    return readableTitle(idea.title, post, ctx.req.viewer ?? null);
  }

  @ResolveField(() => UserType)
  async author(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(idea.authorId))!, ctx.req.viewer ?? null);
  }

  @ResolveField(() => String, {
    description:
      'The idea’s description as sanitized HTML; empty when a moderator hid it from the viewer (see bodyPost.hidden).',
  })
  async body(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<string> {
    const post = await ideaLoaders(ctx, this.ideas).body.load(idea.threadId);
    return post ? readableBody(post, ctx.req.viewer ?? null).bodyHtml : '';
  }

  @ResolveField(() => String, {
    description:
      'The idea’s description as its author wrote it (Markdown); empty when hidden from the viewer.',
  })
  async bodyMarkdown(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<string> {
    const post = await ideaLoaders(ctx, this.ideas).body.load(idea.threadId);
    return post ? readableBody(post, ctx.req.viewer ?? null).bodyMarkdown : '';
  }

  @ResolveField(() => PostType, {
    description: 'The first post of the idea’s thread: its body, with revisions and thanks.',
  })
  async bodyPost(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<PostType> {
    return PostType.from((await ideaLoaders(ctx, this.ideas).body.load(idea.threadId))!);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the signed-in person has an active vote for this idea.',
  })
  async viewerHasVoted(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    return (await ideaLoaders(ctx, this.ideas).viewerHasVoted.load(idea.id)) ?? false;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether votes are accepted now (idea not closed, its campaign open).',
  })
  async votingOpen(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    const campaign = idea.campaignId
      ? await ideaLoaders(ctx, this.ideas).campaign.load(idea.campaignId)
      : null;
    return isVotingOpen(idea.status, campaign ?? null, new Date());
  }

  @ResolveField(() => [IdeaStatusChangeType], { description: 'Every status change, oldest first. Public.' })
  async statusHistory(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<IdeaStatusChangeType[]> {
    return ((await ideaLoaders(ctx, this.ideas).history.load(idea.id)) ?? []).map((change) =>
      IdeaStatusChangeType.from(change),
    );
  }

  @ResolveField(() => IdeaStatusChangeType, {
    nullable: true,
    description: 'The latest status change that came with an official response.',
  })
  async officialResponse(
    idea: IdeaType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<IdeaStatusChangeType | null> {
    const history = (await ideaLoaders(ctx, this.ideas).history.load(idea.id)) ?? [];
    const latest = [...history].reverse().find((change) => change.responseHtml);
    return latest ? IdeaStatusChangeType.from(latest) : null;
  }

  @ResolveField(() => IdeaType, {
    nullable: true,
    description: 'For a MERGED idea: the idea it was merged into.',
  })
  async mergedInto(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<IdeaType | null> {
    if (!idea.mergedIntoId) return null;
    const target = await ideaLoaders(ctx, this.ideas).byId.load(idea.mergedIntoId);
    return target ? IdeaType.from(target) : null;
  }

  @ResolveField(() => [IdeaType], { description: 'Duplicates merged into this idea.' })
  async mergedIdeas(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<IdeaType[]> {
    return ((await ideaLoaders(ctx, this.ideas).mergedFrom.load(idea.id)) ?? []).map((row) =>
      IdeaType.from(row),
    );
  }

  @ResolveField(() => CampaignType, { nullable: true })
  async campaign(idea: IdeaType, _args: unknown, ctx: GraphQLContext): Promise<CampaignType | null> {
    if (!idea.campaignId) return null;
    const campaign = await ideaLoaders(ctx, this.ideas).campaign.load(idea.campaignId);
    return campaign ? CampaignType.from(campaign) : null;
  }

  @ResolveField(() => PostConnection, {
    description: 'Comments: the replies of the idea’s thread, oldest first.',
  })
  async comments(@Parent() idea: IdeaType, @Args() page: PageArgs) {
    const connection = await this.ideas.comments(
      { threadId: idea.threadId, repliesCount: idea.commentsCount },
      page.first,
      page.after,
    );
    return mapConnection(connection, (post) => PostType.from(post));
  }
}
