import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../common/viewer';
import { RecordAskEventInput, ReportArgs, ReportType } from './report.type';
import { ReportsService } from './reports.service';

@Resolver(() => ReportType)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => ReportType, {
    description:
      'Staff: answer times against the promises, who answers, deflection, mood and ideas over a range (JSON for BI tools).',
  })
  async report(@Args() args: ReportArgs, @CurrentViewer() viewer: Viewer): Promise<ReportType> {
    const data = await this.reports.report(viewer, args);
    const { scope, ...tables } = data;
    return {
      from: scope.from,
      to: scope.to,
      granularity: scope.granularity,
      timeZone: scope.timeZone,
      ...tables,
    };
  }

  @Mutation(() => Boolean, {
    description:
      'The new-question form reports each step of an attempt to ask (for the deflection figures); each step counts once.',
  })
  recordAskEvent(
    @Args('input') input: RecordAskEventInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.reports.recordAskEvent(viewer, input);
  }
}
