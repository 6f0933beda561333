import { localTime, OpeningPeriod } from '@parvis/domain';

/** One person's duty in a space: their weekly periods, in their time zone, and their exceptions. */
export interface DutyFacts {
  userId: string;
  timeZone: string;
  periods: readonly OpeningPeriod[];
  /** Local dates (YYYY-MM-DD) that do not follow the week: their periods (none: a day off). */
  exceptions: ReadonlyMap<string, readonly { from: number; to: number }[]>;
}

/** Someone's duty in a space from their schedule's row and their exception rows (of any space). */
export function dutyFactsOf(
  schedule: { userId: string; spaceId: string; timeZone: string; periods: readonly OpeningPeriod[] },
  exceptions: readonly {
    userId: string;
    spaceId: string;
    date: string;
    periods: { from: number; to: number }[];
  }[],
): DutyFacts {
  return {
    userId: schedule.userId,
    timeZone: schedule.timeZone,
    periods: schedule.periods,
    exceptions: new Map(
      exceptions
        .filter((e) => e.userId === schedule.userId && e.spaceId === schedule.spaceId)
        .map((e) => [e.date, e.periods]),
    ),
  };
}

/** The local date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const t = localTime(instant, timeZone);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** The periods someone is on duty on the local date of `now`, in their time zone. */
export function periodsOfToday(duty: DutyFacts, now: Date): { from: number; to: number }[] {
  const t = localTime(now, duty.timeZone);
  const exception = duty.exceptions.get(localDate(now, duty.timeZone));
  if (exception) return exception.map(({ from, to }) => ({ from, to }));
  return duty.periods.filter((p) => p.day === t.weekday).map(({ from, to }) => ({ from, to }));
}

/** On duty at some time of their own today: "today your community managers are …". */
export function onDutyToday(duty: DutyFacts, now: Date): boolean {
  return periodsOfToday(duty, now).length > 0;
}

/** On duty at this very instant: the one unassigned threads are offered to first. */
export function onDutyNow(duty: DutyFacts, now: Date): boolean {
  const minutes = localTime(now, duty.timeZone).minutes;
  return periodsOfToday(duty, now).some((p) => p.from <= minutes && minutes < p.to);
}
