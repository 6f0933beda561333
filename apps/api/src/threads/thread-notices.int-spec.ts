import { startTestApp } from '../testing/test-app';
import { useCommunity } from '../testing/community';
import { ask } from '../testing/threads-fixtures';
import { ThreadNoticesService } from './thread-notices.service';

/** Staff hear of help threads about to miss a deadline: once per thread and deadline, whoever checks. */
const { test, space, who } = useCommunity();

const WARNINGS = `{ notificationGroups(kinds: [SLA_AT_RISK]) { subjectId clock count dueAt thread { title } } }`;

describe('answer-clock warnings', () => {
  it('tell staff once of a help thread about to miss its first-response and answer deadlines, however many processes check', async () => {
    const thread = await ask(who.asker.agent, space.fast, 'Urgent: locked out');
    const second = await startTestApp({}, test.databaseUrl);
    try {
      // The 5-minute first response and the 30-minute answer both fall within the next half hour.
      const soon = new Date(Date.now() + 60_000);
      await Promise.all([
        test.app.get(ThreadNoticesService).warnDeadlines(soon),
        second.app.get(ThreadNoticesService).warnDeadlines(soon),
        test.app.get(ThreadNoticesService).warnDeadlines(soon),
      ]);
    } finally {
      await second.close();
    }
    const { notificationGroups } = await who.staff.agent.data(WARNINGS);
    const mine = notificationGroups.filter((g: { subjectId: string }) => g.subjectId === thread.id);
    expect(mine.map((g: { clock: string; count: number }) => [g.clock, g.count]).sort()).toEqual([
      ['ANSWER', 1],
      ['FIRST_RESPONSE', 1],
    ]);
    expect(mine[0].thread.title).toBe('Urgent: locked out');
    // Members are not warned; a help thread with hours left is not either.
    expect((await who.member.agent.data(WARNINGS)).notificationGroups).toEqual([]);
    const calm = await ask(who.asker.agent, space.help, 'No rush');
    await test.app.get(ThreadNoticesService).warnDeadlines(new Date());
    const after = (await who.staff.agent.data(WARNINGS)).notificationGroups;
    expect(after.some((g: { subjectId: string }) => g.subjectId === calm.id)).toBe(false);
  });
});
