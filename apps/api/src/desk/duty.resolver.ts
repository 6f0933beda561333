import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDArg } from '../common/parse-uuid.arg';
import { CurrentViewer, Viewer } from '../common/viewer';
import { SpaceType } from '../spaces/space.type';
import { SetDutyExceptionInput, SetDutyScheduleInput, SetOpeningHoursInput } from './desk.inputs';
import { DutyExceptionType, DutyScheduleType } from './desk.type';
import { DutyService } from './duty.service';

@Resolver()
export class DutyResolver {
  constructor(private readonly duty: DutyService) {}

  @Query(() => DutyScheduleType, {
    nullable: true,
    description:
      'Staff and moderators: your weekly duty hours in a space and your exceptions; null until set.',
  })
  async myDuty(
    @Args('spaceId', { type: () => ID }, ParseUUIDArg('spaceId')) spaceId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DutyScheduleType | null> {
    const { schedule, exceptions } = await this.duty.mine(viewer, spaceId);
    return schedule ? DutyScheduleType.from(schedule, exceptions) : null;
  }

  @Mutation(() => DutyScheduleType, {
    description: 'Sets your weekly duty hours in a space, in your time zone.',
  })
  async setDutySchedule(
    @Args('input') input: SetDutyScheduleInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DutyScheduleType> {
    await this.duty.setSchedule(viewer, input);
    const { schedule, exceptions } = await this.duty.mine(viewer, input.spaceId);
    return DutyScheduleType.from(schedule!, exceptions);
  }

  @Mutation(() => DutyExceptionType, { description: 'A date off duty (no periods) or with other hours.' })
  async setDutyException(
    @Args('input') input: SetDutyExceptionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DutyExceptionType> {
    return DutyExceptionType.from(await this.duty.setException(viewer, input));
  }

  @Mutation(() => SpaceType, {
    description:
      'Admins: the hours a space’s answer clocks count (none: 24/7); running deadlines are recounted.',
  })
  async setOpeningHours(
    @Args('input') input: SetOpeningHoursInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpaceType> {
    return SpaceType.from(
      await this.duty.setOpeningHours(viewer, { ...input, periods: input.periods ?? null }),
    );
  }
}
