import { Field, ObjectType, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import { ThreadType } from './thread.type';

@ObjectType('Acknowledgement', {
  description: 'Someone for the brand took charge of the thread: "Sarah (Parvis team) is on it", and when.',
})
export class AcknowledgementType {
  /** Resolved as `by`. */
  byId: string;

  @Field()
  at: Date;
}

/** The public acknowledgement of a thread: its first expert or staff reply, or its assignment. */
@Resolver(() => ThreadType)
export class ThreadAcknowledgementResolver {
  @ResolveField(() => AcknowledgementType, {
    nullable: true,
    description: 'Who took charge of the thread and when; null until someone did (and outside HELP spaces).',
  })
  acknowledgement(thread: ThreadType): AcknowledgementType | null {
    if (!thread.firstResponseAt || !thread.firstResponseById) return null;
    return Object.assign(new AcknowledgementType(), {
      byId: thread.firstResponseById,
      at: thread.firstResponseAt,
    });
  }
}

@Resolver(() => AcknowledgementType)
export class AcknowledgementByResolver {
  constructor(private readonly identity: IdentityService) {}

  @ResolveField(() => UserType)
  async by(ack: AcknowledgementType, _args: unknown, ctx: GraphQLContext): Promise<UserType> {
    return UserType.from((await usersById(ctx, this.identity).load(ack.byId))!, ctx.req.viewer ?? null);
  }
}
