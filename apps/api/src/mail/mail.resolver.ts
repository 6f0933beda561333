import { Args, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/domain-error';
import { CurrentViewer, Viewer } from '../common/viewer';
import { CaughtMailType } from './caught-mail.type';
import { UnsubscribeInput } from './mail.inputs';
import { MailService } from './mail.service';

@ObjectType('Unsubscribed')
export class UnsubscribedType {
  @Field({ description: 'The list left ("notifications" or a narrower one).' })
  list: string;
}

@Resolver()
export class MailResolver {
  constructor(private readonly mail: MailService) {}

  @Query(() => [CaughtMailType], {
    description: 'Staff, moderators and admins: the built-in mail catcher’s inbox, newest first.',
  })
  async caughtMails(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CaughtMailType[]> {
    return (await this.mail.caughtMails(viewer, first)).map((mail) => CaughtMailType.from(mail));
  }

  @Mutation(() => UnsubscribedType, {
    description: 'Follows an unsubscribe link: no sign-in needed, the signed token names its recipient.',
  })
  async unsubscribe(@Args('input') input: UnsubscribeInput): Promise<UnsubscribedType> {
    const claim = await this.mail.unsubscribe(input.token);
    if (!claim)
      throw badInput(
        'token',
        'This unsubscribe link is not one Parvis sent, or it was altered.',
        'LINK_EXPIRED',
      );
    return { list: claim.list };
  }
}
