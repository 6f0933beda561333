import { Args, Context, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RegisterInput, SetRoleInput, SignInInput } from './identity.inputs';
import { IdentityService } from './identity.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { isKnownDevice, setDeviceCookie } from './device-cookie';
import { RequestMeta } from './sessions.service';
import { UserType } from './user.type';
import { ParseUUIDArg } from '../common/parse-uuid.arg';

@ObjectType()
export class AuthPayload {
  @Field(() => UserType)
  user: UserType;
}

@ObjectType('RegisterResult', {
  description:
    'The same answer whether or not the address already had an account: a mail went to it either way (a confirmation link, or a note to its owner).',
})
export class RegisterResult {
  @Field({
    description: 'The address to check: the next step is in its inbox; the new account may sign in at once.',
  })
  email: string;
}

@Resolver(() => UserType)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => UserType, { nullable: true, description: 'The signed-in person, or null for a visitor.' })
  me(@CurrentViewer() viewer: Viewer): UserType | null {
    return viewer ? UserType.from(viewer, viewer) : null;
  }

  @Query(() => UserType, { description: 'A person’s public profile.' })
  async user(
    @Args('id', { type: () => ID }, ParseUUIDArg('id')) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserType> {
    return UserType.from(await this.identity.user(id), viewer);
  }

  @Query(() => [UserType], {
    description:
      'Members whose display name starts with `prefix` (any word of it, accents and case ignored): the mention autocomplete of the reply editor. Signed-in people only.',
  })
  async members(
    @Args('prefix') prefix: string,
    @Args('first', { type: () => Int, defaultValue: 8 }) first: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UserType[]> {
    return (await this.identity.members(viewer, prefix, first)).map((u) => UserType.from(u, viewer));
  }

  @Mutation(() => RegisterResult, {
    description:
      'Creates an account and mails a link to confirm its address; does not sign in, and answers the same for an address that already has an account.',
  })
  async register(
    @Args('input') input: RegisterInput,
    @Context() ctx: GraphQLContext,
  ): Promise<RegisterResult> {
    return this.identity.register(input, requestMeta(ctx));
  }

  @Mutation(() => AuthPayload)
  async signIn(@Args('input') input: SignInInput, @Context() ctx: GraphQLContext): Promise<AuthPayload> {
    const { sessionSecret, cookieSecure } = this.config;
    const knownDevice = isKnownDevice(ctx.req, sessionSecret, input.email.toLowerCase());
    const { user, session } = await this.identity.signIn(input, requestMeta(ctx), knownDevice);
    setSessionCookie(ctx.res, session.token, session.expiresAt, cookieSecure);
    setDeviceCookie(ctx.res, sessionSecret, user.email, cookieSecure);
    return { user: UserType.from(user, user) };
  }

  @Mutation(() => Boolean, {
    description: 'Revokes this browser’s session. Always true, even for a visitor.',
  })
  async signOut(@Context() ctx: GraphQLContext): Promise<boolean> {
    await this.identity.signOut(ctx.req.sessionToken);
    clearSessionCookie(ctx.res, this.config.cookieSecure);
    return true;
  }

  @Mutation(() => UserType, { description: 'Admins only: gives a person another role.' })
  async setRole(@Args('input') input: SetRoleInput, @CurrentViewer() viewer: Viewer): Promise<UserType> {
    return UserType.from(await this.identity.setRole(viewer, input), viewer);
  }
}

export function requestMeta(ctx: GraphQLContext): RequestMeta {
  return { ipAddress: ctx.req.ip ?? null, userAgent: ctx.req.get('user-agent') ?? null };
}
