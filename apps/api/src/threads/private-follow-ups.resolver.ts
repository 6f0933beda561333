import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape, PageArgs } from '../common/pagination';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PrivateFollowUpConnection, PrivateFollowUpType, PrivateMessageType } from './private-follow-up.type';
import { PrivateFollowUpNoticeType, ThreadType } from './thread.type';
import { SendPrivateMessageInput, StartPrivateFollowUpInput } from './threads.inputs';
import { threadLoaders } from './threads.loaders';
import { mapConnection } from '../common/pagination';
import { ThreadsService } from './threads.service';

@Resolver(() => PrivateFollowUpType)
export class PrivateFollowUpsResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => PrivateFollowUpType, { description: 'A private follow-up: for its asker and staff only.' })
  async privateFollowUp(
    @Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateFollowUpType> {
    return PrivateFollowUpType.from(await this.threads.privateFollowUp(viewer, id));
  }

  @Query(() => PrivateFollowUpConnection, {
    description: 'The viewer’s private follow-ups (every one for staff), newest first.',
  })
  async privateFollowUps(
    @Args() args: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ConnectionShape<PrivateFollowUpType>> {
    return mapConnection(await this.threads.privateFollowUps(viewer, args.first, args.after), (f) =>
      PrivateFollowUpType.from(f),
    );
  }

  @Mutation(() => PrivateFollowUpType, {
    description: 'Staff: continue a confidential case privately with the asker. The thread stays public.',
  })
  async startPrivateFollowUp(
    @Args('input') input: StartPrivateFollowUpInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateFollowUpType> {
    return PrivateFollowUpType.from(await this.threads.startPrivateFollowUp(viewer, input));
  }

  @Mutation(() => PrivateMessageType, { description: 'Writes in a private follow-up (its asker or staff).' })
  async sendPrivateMessage(
    @Args('input') input: SendPrivateMessageInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateMessageType> {
    return PrivateMessageType.from(await this.threads.sendPrivateMessage(viewer, input));
  }

  @ResolveField(() => ThreadType)
  async thread(@Parent() followUp: PrivateFollowUpType, @Context() ctx: GraphQLContext): Promise<ThreadType> {
    return ThreadType.from((await threadLoaders(ctx, this.threads).threadsById.load(followUp.threadId))!);
  }

  @ResolveField(() => UserType)
  async asker(@Parent() followUp: PrivateFollowUpType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(followUp.askerId))!,
      ctx.req.viewer ?? null,
    );
  }

  @ResolveField(() => UserType, { description: 'The staff member who started it.' })
  async agent(@Parent() followUp: PrivateFollowUpType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(followUp.agentId))!,
      ctx.req.viewer ?? null,
    );
  }

  @ResolveField(() => [PrivateMessageType], { description: 'Oldest first.' })
  async messages(
    @Parent() followUp: PrivateFollowUpType,
    @Context() ctx: GraphQLContext,
  ): Promise<PrivateMessageType[]> {
    return ((await threadLoaders(ctx, this.threads).messagesByFollowUpId.load(followUp.id)) ?? []).map((m) =>
      PrivateMessageType.from(m),
    );
  }
}

@Resolver(() => PrivateMessageType)
export class PrivateMessagesResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType)
  async author(@Parent() message: PrivateMessageType, @Context() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(message.authorId))!,
      ctx.req.viewer ?? null,
    );
  }
}

@Resolver(() => PrivateFollowUpNoticeType)
export class PrivateFollowUpNoticeResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType, { description: 'The staff member the case continues with.' })
  async agent(
    @Parent() notice: PrivateFollowUpNoticeType,
    @Context() ctx: GraphQLContext,
  ): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(notice.agentId))!, ctx.req.viewer ?? null);
  }
}
