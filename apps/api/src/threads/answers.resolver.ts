import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../common/viewer';
import { AnswersService } from './answers.service';
import { PostType } from './post.type';
import { ThreadType } from './thread.type';
import { PostIdInput } from './threads.inputs';

/** Accepting answers and thanking posts: what earns reputation. */
@Resolver()
export class AnswersResolver {
  constructor(private readonly answers: AnswersService) {}

  @Mutation(() => ThreadType, {
    description: 'The asker accepts a reply as the answer, or an expert or moderator marks it.',
  })
  async acceptAnswer(
    @Args('input') input: PostIdInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ThreadType> {
    return ThreadType.from(await this.answers.acceptAnswer(viewer, input));
  }

  @Mutation(() => PostType, { description: 'Thanks a post; a second call takes the thanks back.' })
  async thank(@Args('input') input: PostIdInput, @CurrentViewer() viewer: Viewer): Promise<PostType> {
    return PostType.from(await this.answers.thank(viewer, input));
  }
}
