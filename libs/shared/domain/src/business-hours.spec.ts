import {
  addBusinessMinutes,
  invalidPeriods,
  isOpenAt,
  localTime,
  OpeningHours,
  zonedInstant,
} from './business-hours';

/** Monday to Friday, 09:00–18:00, Paris time. */
const PARIS_OFFICE: OpeningHours = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 18 * 60 })),
};

const at = (iso: string) => new Date(iso);

describe('business hours', () => {
  it('with no opening hours the clock runs around the clock', () => {
    expect(addBusinessMinutes(at('2026-03-27T17:30:00Z'), 90, null)).toEqual(at('2026-03-27T19:00:00Z'));
  });

  it('counts only the minutes within opening hours on a weekday', () => {
    // Wednesday 10:00 Paris (winter, UTC+1) + 60 min → 11:00 Paris.
    expect(addBusinessMinutes(at('2026-01-14T09:00:00Z'), 60, PARIS_OFFICE)).toEqual(
      at('2026-01-14T10:00:00Z'),
    );
  });

  it('a question asked before opening starts counting at opening time', () => {
    // Wednesday 07:00 Paris → 09:00 + 60 min = 10:00 Paris.
    expect(addBusinessMinutes(at('2026-01-14T06:00:00Z'), 60, PARIS_OFFICE)).toEqual(
      at('2026-01-14T09:00:00Z'),
    );
  });

  it('carries what is left on Friday evening over the weekend to Monday morning', () => {
    // Friday 23 January 17:30 Paris: 30 min on Friday, the other 30 on Monday 26th → 09:30 Paris.
    expect(addBusinessMinutes(at('2026-01-23T16:30:00Z'), 60, PARIS_OFFICE)).toEqual(
      at('2026-01-26T08:30:00Z'),
    );
  });

  it('a question asked on Saturday is due after Monday’s first opening hours', () => {
    // 24 hours of answer time = 1440 business minutes = 2 days and 6 hours of 9-hour days.
    // Saturday 24 January → Monday 9 h + Tuesday 9 h + Wednesday 6 h → Wednesday 15:00 Paris.
    expect(addBusinessMinutes(at('2026-01-24T10:00:00Z'), 1440, PARIS_OFFICE)).toEqual(
      at('2026-01-28T14:00:00Z'),
    );
  });

  it('keeps 09:00 local across the spring daylight-saving change (last Sunday of March)', () => {
    // Friday 27 March 2026 17:30 Paris is 16:30 UTC (winter); Sunday 29 March clocks go forward;
    // Monday 30 March 09:30 Paris is 07:30 UTC (summer).
    expect(addBusinessMinutes(at('2026-03-27T16:30:00Z'), 60, PARIS_OFFICE)).toEqual(
      at('2026-03-30T07:30:00Z'),
    );
  });

  it('keeps 09:00 local across the autumn daylight-saving change (last Sunday of October)', () => {
    // Friday 23 October 2026 17:30 Paris is 15:30 UTC (summer); Sunday 25 October clocks go back;
    // Monday 26 October 09:30 Paris is 08:30 UTC (winter).
    expect(addBusinessMinutes(at('2026-10-23T15:30:00Z'), 60, PARIS_OFFICE)).toEqual(
      at('2026-10-26T08:30:00Z'),
    );
  });

  it('a 24/7 space open on the night of the change counts the real elapsed time, not the wall clock', () => {
    const allWeek: OpeningHours = {
      timeZone: 'Europe/Paris',
      periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: 0, to: 1440 })),
    };
    // Saturday 28 March 2026 23:00 Paris (22:00 UTC) + 3 hours: Sunday 03:00 Paris (summer) = 01:00 UTC.
    expect(addBusinessMinutes(at('2026-03-28T22:00:00Z'), 180, allWeek)).toEqual(at('2026-03-29T01:00:00Z'));
  });

  it('reads wall-clock time and finds local instants on both sides of a change', () => {
    expect(localTime(at('2026-03-29T00:30:00Z'), 'Europe/Paris')).toMatchObject({
      day: 29,
      minutes: 90,
      weekday: 7,
    });
    expect(localTime(at('2026-03-29T01:30:00Z'), 'Europe/Paris')).toMatchObject({ day: 29, minutes: 210 });
    expect(zonedInstant(2026, 3, 29, 3 * 60, 'Europe/Paris')).toEqual(at('2026-03-29T01:00:00Z'));
    expect(zonedInstant(2026, 3, 29, 1 * 60, 'Europe/Paris')).toEqual(at('2026-03-29T00:00:00Z'));
    // 02:30 does not exist that night: the instant just after the gap.
    expect(zonedInstant(2026, 3, 29, 150, 'Europe/Paris')).toEqual(at('2026-03-29T01:30:00Z'));
    // 02:30 happens twice on 25 October: the first one (summer time).
    expect(zonedInstant(2026, 10, 25, 150, 'Europe/Paris')).toEqual(at('2026-10-25T00:30:00Z'));
  });

  it('tells whether an instant falls within opening hours, in the zone of the hours', () => {
    expect(isOpenAt(at('2026-01-14T08:30:00Z'), PARIS_OFFICE)).toBe(true); // 09:30 Paris
    expect(isOpenAt(at('2026-01-14T07:30:00Z'), PARIS_OFFICE)).toBe(false); // 08:30 Paris
    expect(isOpenAt(at('2026-01-17T10:00:00Z'), PARIS_OFFICE)).toBe(false); // Saturday
    expect(isOpenAt(at('2026-01-17T10:00:00Z'), null)).toBe(true);
  });

  it('refuses periods that are not a week of opening hours', () => {
    expect(invalidPeriods([{ day: 8, from: 0, to: 60 }])).toMatch(/day/);
    expect(invalidPeriods([{ day: 1, from: 600, to: 540 }])).toMatch(/end after/);
    expect(
      invalidPeriods([
        { day: 1, from: 540, to: 720 },
        { day: 1, from: 700, to: 800 },
      ]),
    ).toMatch(/overlap/);
    expect(invalidPeriods(PARIS_OFFICE.periods)).toBeNull();
  });
});
