import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { invalidPeriods, isKnownTimeZone, OpeningPeriod } from '@parvis/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, forbidden } from '../common/domain-error';
import { requireSignedIn, Viewer } from '../common/viewer';
import { Space } from '../spaces/space.entity';
import { SpacesService } from '../spaces/spaces.service';
import { ClocksService } from '../threads/clocks.service';
import { runsDesk } from './desk.rules';
import { DutyException, DutySchedule } from './duty.entity';
import { dutyFactsOf, onDutyNow, onDutyToday } from './duty.rules';

export interface DutyPeriodsInput {
  spaceId: string;
  timeZone: string;
  periods: OpeningPeriod[];
}

/**
 * Managers on duty: each staff member sets, per space, the weekly hours they are on duty in their
 * own time zone, and exceptions for given dates. Readers of a space see who is on duty today; the
 * SLA queue offers unassigned threads to whoever is on duty now. Also the space's opening hours,
 * which the answer clocks count (threads' ClocksService recounts the running deadlines).
 */
@Injectable()
export class DutyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly spaces: SpacesService,
    private readonly clocks: ClocksService,
  ) {}

  async setSchedule(viewer: Viewer, input: DutyPeriodsInput): Promise<DutySchedule> {
    const staff = this.requireDesk(viewer, 'set duty hours');
    checkHours(input.timeZone, input.periods);
    return this.db.transaction((tx) => this.writeSchedule(tx, staff.id, input));
  }

  /** Writes someone's weekly duty in a space, in the caller's transaction (the demo seed too). */
  async writeSchedule(tx: EntityManager, userId: string, input: DutyPeriodsInput): Promise<DutySchedule> {
    if (!(await tx.existsBy(Space, { id: input.spaceId })))
      throw badInput('spaceId', 'There is no such space.');
    await tx.upsert(
      DutySchedule,
      { userId, spaceId: input.spaceId, timeZone: input.timeZone, periods: input.periods },
      ['userId', 'spaceId'],
    );
    return tx.findOneByOrFail(DutySchedule, { userId, spaceId: input.spaceId });
  }

  /** One local date off (no periods) or with other hours than the week's. */
  async setException(
    viewer: Viewer,
    input: { spaceId: string; date: string; periods: { from: number; to: number }[] },
  ): Promise<DutyException> {
    const staff = this.requireDesk(viewer, 'set duty exceptions');
    const problem = invalidPeriods(input.periods.map((p) => ({ ...p, day: 1 })));
    if (problem) throw badInput('periods', problem);
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(DutySchedule, { userId: staff.id, spaceId: input.spaceId })))
        throw badInput('spaceId', 'Set your weekly duty hours in this space first.');
      await tx.upsert(
        DutyException,
        {
          userId: staff.id,
          spaceId: input.spaceId,
          date: input.date,
          periods: input.periods.map(({ from, to }) => ({ from, to })),
        },
        ['userId', 'spaceId', 'date'],
      );
      return tx.findOneByOrFail(DutyException, {
        userId: staff.id,
        spaceId: input.spaceId,
        date: input.date,
      });
    });
  }

  /** The viewer's own duty in a space: their schedule and their exceptions from today on. */
  async mine(
    viewer: Viewer,
    spaceId: string,
  ): Promise<{ schedule: DutySchedule | null; exceptions: DutyException[] }> {
    const staff = this.requireDesk(viewer, 'see your duty hours');
    const schedule = await this.db.getRepository(DutySchedule).findOneBy({ userId: staff.id, spaceId });
    const exceptions = await this.db
      .getRepository(DutyException)
      .find({ where: { userId: staff.id, spaceId }, order: { date: 'ASC' } });
    return { schedule, exceptions };
  }

  /**
   * Who is on duty in each space, today (at some hour of their own local date) and now, by space
   * id, in the order of their names' ids for stability; the resolver names them.
   */
  async onDuty(
    spaceIds: readonly string[],
    now: Date,
  ): Promise<Map<string, { today: string[]; now: string[] }>> {
    const schedules = await this.db
      .getRepository(DutySchedule)
      .find({ where: { spaceId: In([...spaceIds]) } });
    const exceptions = schedules.length
      ? await this.db.getRepository(DutyException).find({ where: { spaceId: In([...spaceIds]) } })
      : [];
    const result = new Map(spaceIds.map((id) => [id, { today: [] as string[], now: [] as string[] }]));
    for (const s of schedules) {
      const facts = dutyFactsOf(s, exceptions);
      const entry = result.get(s.spaceId)!;
      if (onDutyToday(facts, now)) entry.today.push(s.userId);
      if (onDutyNow(facts, now)) entry.now.push(s.userId);
    }
    return result;
  }

  /**
   * Admins set the hours a space's answer clocks count (null periods: 24/7) and its time zone;
   * the deadlines still running are counted again in the same transaction.
   */
  async setOpeningHours(
    viewer: Viewer,
    input: { spaceId: string; timeZone: string; periods: OpeningPeriod[] | null },
  ): Promise<Space> {
    const admin = requireSignedIn(viewer, 'set a space’s opening hours');
    if (admin.role !== 'ADMIN') throw forbidden('Only admins set a space’s opening hours.');
    checkHours(input.timeZone, input.periods ?? []);
    return this.db.transaction(async (tx) => {
      const space = await this.spaces.setOpeningHours(
        tx,
        input.spaceId,
        input.timeZone,
        input.periods?.length ? input.periods : null,
      );
      await this.clocks.recountDeadlines(tx, space);
      return space;
    });
  }

  private requireDesk(viewer: Viewer, action: string) {
    const staff = requireSignedIn(viewer, action);
    if (!runsDesk(staff)) throw forbidden('Only staff and moderators are on duty.');
    return staff;
  }
}

function checkHours(timeZone: string, periods: readonly OpeningPeriod[]): void {
  if (!isKnownTimeZone(timeZone))
    throw badInput('timeZone', 'timeZone must be a time zone such as Europe/Paris.');
  const problem = invalidPeriods(periods);
  if (problem) throw badInput('periods', problem);
}
