import { Args, ArgsType, Field, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { ConnectionShape, PageArgs, mapConnection } from '../common/pagination';
import { CurrentViewer, Viewer } from '../common/viewer';
import { SLA_QUEUE_VIEWS, SlaQueueView as SlaQueueViewName } from './clocks.queries';
import { ClocksService } from './clocks.service';
import { ThreadConnection, ThreadType } from './thread.type';

export const SlaQueueView = Object.fromEntries(SLA_QUEUE_VIEWS.map((v) => [v, v])) as {
  [K in SlaQueueViewName]: K;
};
registerEnumType(SlaQueueView, {
  name: 'SlaQueueView',
  description: 'ALL open help threads, those assigned to the viewer (MINE), or to nobody (UNASSIGNED).',
});

@ArgsType()
export class SlaQueueArgs extends PageArgs {
  @Field(() => SlaQueueView, { nullable: true, defaultValue: 'ALL' })
  @IsOptional()
  @IsIn(SLA_QUEUE_VIEWS, { message: 'view must be ALL, MINE or UNASSIGNED.' })
  view: SlaQueueViewName = 'ALL';
}

@Resolver()
export class SlaQueueResolver {
  constructor(private readonly clocks: ClocksService) {}

  @Query(() => ThreadConnection, {
    description:
      'Staff and moderators: open help threads, those nobody has in the spaces where the viewer is on duty now first, then overdue, then by the nearest deadline.',
  })
  async slaQueue(
    @Args() args: SlaQueueArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ConnectionShape<ThreadType>> {
    return mapConnection(await this.clocks.slaQueue(viewer, args.first, args.after, args.view), (t) =>
      ThreadType.from(t),
    );
  }
}
