import { DataSource } from 'typeorm';
import { signedInAs } from '../testing/test-app';
import { codeOf, fieldOf, useCommunity } from '../testing/community';
import { ask } from '../testing/threads-fixtures';
import { ThreadsService } from '../threads/threads.service';
import { DutyService } from './duty.service';

const { test, space, who } = useCommunity();

const SET_DUTY = `mutation ($input: SetDutyScheduleInput!) { setDutySchedule(input: $input) {
  spaceId timeZone periods { day from to } exceptions { date periods { from to } } } }`;
const SET_EXCEPTION = `mutation ($input: SetDutyExceptionInput!) { setDutyException(input: $input) { date periods { from to } } }`;
const SET_HOURS = `mutation ($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { id timeZone openingPeriods { day from to } } }`;
const SPACES = `{ spaces { id managersOnDutyToday { id displayName } } }`;
const QUEUE = `{ slaQueue(first: 50, view: UNASSIGNED) { edges { node { id offeredTo { id } } } } }`;

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: 0, to: 1440 }));
const WEEKDAYS_9_TO_6 = [1, 2, 3, 4, 5].map((day) => ({ day, from: 540, to: 1080 }));

async function officeSpace(slug: string): Promise<string> {
  const [row] = await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position, first_response_minutes, answer_minutes)
     VALUES ($1, 'Office hours help', 'HELP', 9, 60, 1440) RETURNING id`,
    [slug],
  );
  return row.id;
}

/** A thread asked at a given instant, through the same piece the API uses (its clocks start then). */
async function askAt(spaceId: string, at: Date) {
  return test.app.get(DataSource).transaction((tx) =>
    test.app.get(ThreadsService).startThread(tx, {
      spaceId,
      author: {
        id: who.asker.id,
        role: 'MEMBER',
        displayName: 'Ana Asker',
        email: 'a@example.com',
        locale: 'en',
        reputation: 0,
        createdAt: new Date(),
      },
      title: 'Asked at a given time',
      bodyMarkdown: 'When will someone answer?',
      language: 'en',
      at,
    }),
  );
}

describe('managers on duty', () => {
  it('staff set their weekly duty hours and exceptions; members cannot; bad hours are refused by field', async () => {
    expect(
      codeOf(
        await who.member.agent.request(SET_DUTY, {
          input: { spaceId: space.help, timeZone: 'Europe/Paris', periods: [] },
        }),
      ),
    ).toBe('FORBIDDEN');
    const badZone = await who.staff.agent.request(SET_DUTY, {
      input: { spaceId: space.help, timeZone: 'Mars/Olympus', periods: [] },
    });
    expect([codeOf(badZone), fieldOf(badZone)]).toEqual(['BAD_USER_INPUT', 'timeZone']);
    const overlap = await who.staff.agent.request(SET_DUTY, {
      input: {
        spaceId: space.help,
        timeZone: 'Europe/Paris',
        periods: [
          { day: 1, from: 540, to: 720 },
          { day: 1, from: 700, to: 900 },
        ],
      },
    });
    expect([codeOf(overlap), fieldOf(overlap)]).toEqual(['BAD_USER_INPUT', 'periods']);
    const set = await who.staff.agent.data(SET_DUTY, {
      input: { spaceId: space.help, timeZone: 'Europe/Paris', periods: WEEKDAYS_9_TO_6 },
    });
    expect(set.setDutySchedule.periods).toHaveLength(5);
    const off = await who.staff.agent.data(SET_EXCEPTION, {
      input: { spaceId: space.help, date: '2026-12-24', periods: [] },
    });
    expect(off.setDutyException).toEqual({ date: '2026-12-24', periods: [] });
  });

  it('"today" is each manager’s own local date: a day in Paris, another in New York, and a day off', async () => {
    const paris = await signedInAs(test, 'STAFF', 'Paula Paris');
    const newYork = await signedInAs(test, 'MODERATOR', 'Nate NewYork');
    const [row] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('duty-zones', 'Zones', 'HELP', 8) RETURNING id`,
    );
    // Paula works Thursdays in Paris; Nate works Wednesdays in New York.
    await paris.agent.data(SET_DUTY, {
      input: { spaceId: row.id, timeZone: 'Europe/Paris', periods: [{ day: 4, from: 0, to: 600 }] },
    });
    await newYork.agent.data(SET_DUTY, {
      input: { spaceId: row.id, timeZone: 'America/New_York', periods: [{ day: 3, from: 960, to: 1200 }] },
    });
    const duty = test.app.get(DutyService);
    // Wednesday 14 January 2026, 23:30 UTC: already Thursday 00:30 in Paris, still Wednesday 18:30 in New York.
    const lateWednesday = new Date('2026-01-14T23:30:00Z');
    expect((await duty.onDuty([row.id], lateWednesday)).get(row.id)).toEqual({
      today: expect.arrayContaining([paris.id, newYork.id]),
      now: expect.arrayContaining([paris.id, newYork.id]),
    });
    // Wednesday noon UTC: Wednesday in both places; only Nate is on duty today, and not yet at this hour.
    expect((await duty.onDuty([row.id], new Date('2026-01-14T12:00:00Z'))).get(row.id)).toEqual({
      today: [newYork.id],
      now: [],
    });
    // Paula takes Thursday 15 January off (her local date).
    await paris.agent.data(SET_EXCEPTION, { input: { spaceId: row.id, date: '2026-01-15', periods: [] } });
    expect((await duty.onDuty([row.id], lateWednesday)).get(row.id)!.today).toEqual([newYork.id]);
  });

  it('the help space names its managers on duty today for every reader, and the queue offers unassigned threads to whoever is on duty now', async () => {
    const [row] = await test.db.query(
      `INSERT INTO spaces (slug, name, kind, position) VALUES ('always-on', 'Always on', 'HELP', 7) RETURNING id`,
    );
    await who.moderator.agent.data(SET_DUTY, {
      input: { spaceId: row.id, timeZone: 'Europe/Paris', periods: ALL_WEEK },
    });
    const listed = (await who.visitor.data(SPACES)).spaces.find((s: any) => s.id === row.id);
    expect(listed.managersOnDutyToday).toEqual([{ id: who.moderator.id, displayName: 'Malik Moderator' }]);
    const t = await ask(who.asker.agent, row.id, 'Anyone around tonight?');
    const queued = (await who.staff.agent.data(QUEUE)).slaQueue.edges.find((e: any) => e.node.id === t.id);
    expect(queued.node.offeredTo).toEqual([{ id: who.moderator.id }]);
  });
});

describe('answer clocks in business hours', () => {
  it('only admins set a space’s opening hours', async () => {
    const input = { spaceId: space.help, timeZone: 'Europe/Paris', periods: WEEKDAYS_9_TO_6 };
    expect(codeOf(await who.moderator.agent.request(SET_HOURS, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await who.staff.agent.request(SET_HOURS, { input }))).toBe('FORBIDDEN');
  });

  it('a question asked on Friday evening is due on Monday morning, across a weekend and the spring daylight-saving change', async () => {
    const admin = await signedInAs(test, 'ADMIN', 'Alex Admin');
    const spaceId = await officeSpace('office-spring');
    const set = await admin.agent.data(SET_HOURS, {
      input: { spaceId, timeZone: 'Europe/Paris', periods: WEEKDAYS_9_TO_6 },
    });
    expect(set.setOpeningHours.openingPeriods).toHaveLength(5);
    // Friday 27 March 2026, 17:30 in Paris (UTC+1); clocks go forward on Sunday 29th.
    const thread = await askAt(spaceId, new Date('2026-03-27T16:30:00Z'));
    // 30 minutes on Friday, 30 on Monday 30 March: 09:30 in Paris, now UTC+2.
    expect(thread.firstResponseDueAt).toEqual(new Date('2026-03-30T07:30:00Z'));
    // 24 hours of opening time: 0.5 h Friday + 9 h Monday + 9 h Tuesday + 5.5 h Wednesday → 14:30 Paris.
    expect(thread.answerDueAt).toEqual(new Date('2026-04-01T12:30:00Z'));
  });

  it('across the autumn change, and the running deadlines are counted again when the hours change', async () => {
    const admin = await signedInAs(test, 'ADMIN', 'Alix Admin');
    const spaceId = await officeSpace('office-autumn');
    // Asked while the space runs around the clock: Friday 23 October 2026, 17:30 Paris (UTC+2).
    const thread = await askAt(spaceId, new Date('2026-10-23T15:30:00Z'));
    expect(thread.firstResponseDueAt).toEqual(new Date('2026-10-23T16:30:00Z'));
    await admin.agent.data(SET_HOURS, {
      input: { spaceId, timeZone: 'Europe/Paris', periods: WEEKDAYS_9_TO_6 },
    });
    const [row] = await test.db.query(`SELECT first_response_due_at FROM threads WHERE id = $1`, [thread.id]);
    // Clocks go back on Sunday 25th: Monday 26 October 09:30 Paris is 08:30 UTC.
    expect(row.first_response_due_at).toEqual(new Date('2026-10-26T08:30:00Z'));
    // Back to 24/7: counted again from when it was asked.
    await admin.agent.data(SET_HOURS, { input: { spaceId, timeZone: 'Europe/Paris', periods: null } });
    const [again] = await test.db.query(`SELECT first_response_due_at FROM threads WHERE id = $1`, [
      thread.id,
    ]);
    expect(again.first_response_due_at).toEqual(new Date('2026-10-23T16:30:00Z'));
  });
});
