import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape, mapConnection, PageArgs } from '../common/pagination';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { PrivateFollowUpConnection, PrivateFollowUpType, PrivateMessageType } from './private-follow-up.type';
import { PrivateFollowUpsService } from './private-follow-ups.service';
import { ThreadType } from './thread.type';
import { SendPrivateMessageInput, StartPrivateFollowUpInput } from './threads.inputs';
import { messagesByFollowUpId, threadsById } from './threads.loaders';
import { ThreadsService } from './threads.service';

@Resolver(() => PrivateFollowUpType)
export class PrivateFollowUpsResolver {
  constructor(
    private readonly followUps: PrivateFollowUpsService,
    private readonly threads: ThreadsService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => PrivateFollowUpType, { description: 'A private follow-up: for its asker and staff only.' })
  async privateFollowUp(
    @Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateFollowUpType> {
    return PrivateFollowUpType.from(await this.followUps.privateFollowUp(viewer, id));
  }

  @Query(() => PrivateFollowUpConnection, {
    description: 'The viewer’s private follow-ups (every one for staff), newest first.',
  })
  async privateFollowUps(
    @Args() args: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ConnectionShape<PrivateFollowUpType>> {
    return mapConnection(await this.followUps.privateFollowUps(viewer, args.first, args.after), (f) =>
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
    return PrivateFollowUpType.from(await this.followUps.startPrivateFollowUp(viewer, input));
  }

  @Mutation(() => PrivateMessageType, { description: 'Writes in a private follow-up (its asker or staff).' })
  async sendPrivateMessage(
    @Args('input') input: SendPrivateMessageInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateMessageType> {
    return PrivateMessageType.from(await this.followUps.sendPrivateMessage(viewer, input));
  }

  @ResolveField(() => ThreadType)
  async thread(followUp: PrivateFollowUpType, _args: unknown, ctx: GraphQLContext): Promise<ThreadType> {
    return ThreadType.from((await threadsById(ctx, this.threads).load(followUp.threadId))!);
  }

  @ResolveField(() => UserType)
  async asker(followUp: PrivateFollowUpType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(followUp.askerId))!,
      ctx.req.viewer ?? null,
    );
  }

  @ResolveField(() => UserType, { description: 'The staff member who started it.' })
  async agent(followUp: PrivateFollowUpType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(
      (await usersById(ctx, this.identity).load(followUp.agentId))!,
      ctx.req.viewer ?? null,
    );
  }

  @ResolveField(() => [PrivateMessageType], { description: 'Oldest first.' })
  async messages(
    followUp: PrivateFollowUpType,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<PrivateMessageType[]> {
    return ((await messagesByFollowUpId(ctx, this.followUps).load(followUp.id)) ?? []).map((m) =>
      PrivateMessageType.from(m),
    );
  }
}
