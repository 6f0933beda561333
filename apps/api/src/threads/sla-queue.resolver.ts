import { Args, Query, Resolver } from '@nestjs/graphql';
import { ConnectionShape, PageArgs, mapConnection } from '../common/pagination';
import { CurrentViewer, Viewer } from '../common/viewer';
import { ClocksService } from './clocks.service';
import { ThreadConnection, ThreadType } from './thread.type';

@Resolver()
export class SlaQueueResolver {
  constructor(private readonly clocks: ClocksService) {}

  @Query(() => ThreadConnection, {
    description: 'Staff and moderators: open help threads, overdue first, then by the nearest deadline.',
  })
  async slaQueue(
    @Args() args: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ConnectionShape<ThreadType>> {
    return mapConnection(await this.clocks.slaQueue(viewer, args.first, args.after), (t) =>
      ThreadType.from(t),
    );
  }
}
