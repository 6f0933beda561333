import { Inject } from '@nestjs/common';
import { Args, Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  ChangeEmailInput,
  ConfirmEmailInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
} from './account.inputs';
import { AccountService } from './account.service';
import { AuthPayload, requestMeta } from './identity.resolver';
import { setSessionCookie } from './session-cookie';
import { UserType } from './user.type';

@ObjectType('EmailAddressResult')
export class EmailAddressResult {
  @Field()
  email: string;
}

@Resolver()
export class AccountResolver {
  constructor(
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Mails a single-use link to choose a new password, if the address has an account. Always true: the answer does not say whether it has one.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.account.requestPasswordReset(input);
    return true;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Sets a new password from the link’s token, signs every other session out, and signs this one in.',
  })
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    const { user, session } = await this.account.resetPassword(input, requestMeta(ctx));
    setSessionCookie(ctx.res, session.token, session.expiresAt, this.config.cookieSecure);
    return { user: UserType.from(user, user) };
  }

  @Mutation(() => EmailAddressResult, {
    description:
      'Follows a confirmation link: confirms a new account’s address, or moves the account to its new one.',
  })
  async confirmEmail(@Args('input') input: ConfirmEmailInput): Promise<EmailAddressResult> {
    return this.account.confirmEmail(input);
  }

  @Mutation(() => EmailAddressResult, {
    description:
      'Mails a confirmation link to a new address; the account moves to it once the link is followed.',
  })
  async changeEmail(
    @Args('input') input: ChangeEmailInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EmailAddressResult> {
    return this.account.changeEmail(viewer, input);
  }
}
