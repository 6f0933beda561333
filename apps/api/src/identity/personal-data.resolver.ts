import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CloseAccountInput } from './personal-data.inputs';
import { PersonalDataService } from './personal-data.service';
import { clearSessionCookie } from './session-cookie';

@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly personalData: PersonalDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => ID, {
    description:
      'Closes an account for good: your own (with your password), or, for admins, someone’s at their request. The name, e-mail and profile are erased and every session ends; posts stay, signed "Former member". Returns the account’s id.',
  })
  async closeAccount(
    @Args('input') input: CloseAccountInput,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GraphQLContext,
  ): Promise<string> {
    const closed = await this.personalData.close(viewer, input);
    if (closed === viewer?.id) clearSessionCookie(ctx.res, this.config.cookieSecure);
    return closed;
  }
}
