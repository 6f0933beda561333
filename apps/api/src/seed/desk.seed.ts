import { lockThreadRow } from '../threads/thread-lock';
import { Thread } from '../threads/thread.entity';
import { SeedContext } from './seed-context';

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/**
 * The desk of the demo: Sarah and Malik on duty in the help space (Sarah on weekdays in Paris,
 * Malik every afternoon in Madrid, with a day off next week), two open help threads in someone's
 * hands (one given to Sarah by Malik, one taken by Diego, the expert), and internal notes — one
 * mentioning a colleague. Written through the desk's own pieces, with past timestamps.
 */
export async function seedDesk(ctx: SeedContext): Promise<void> {
  const { tx, services, people } = ctx;
  const { sarah, malik, diego } = people;
  const help = ctx.spaces.help.id;
  await services.duty.writeSchedule(tx, sarah.id, {
    spaceId: help,
    timeZone: 'Europe/Paris',
    periods: WEEKDAYS.map((day) => ({ day, from: 8 * 60, to: 18 * 60 })),
  });
  await services.duty.writeSchedule(tx, malik.id, {
    spaceId: help,
    timeZone: 'Europe/Madrid',
    periods: EVERY_DAY.map((day) => ({ day, from: 12 * 60, to: 22 * 60 })),
  });

  // The oldest open help threads nobody has answered yet.
  const open = await tx.find(Thread, {
    where: { spaceId: help, status: 'OPEN' },
    order: { createdAt: 'ASC' },
    take: 2,
  });
  const soon = (thread: Thread, minutes: number) =>
    new Date(Math.min(thread.createdAt.getTime() + minutes * 60_000, ctx.now - 60_000));
  if (open[0]) {
    const row = await lockThreadRow(tx, open[0].id);
    await services.assignments.change(tx, row, malik, sarah, 'ASSIGNED', soon(row, 25));
    await services.notes.add(tx, {
      threadId: row.id,
      author: malik,
      bodyMarkdown: `@[${sarah.displayName}](${sarah.id}) this customer wrote to us twice already: please answer personally.`,
      at: soon(row, 26),
    });
    await services.notes.add(tx, {
      threadId: row.id,
      author: sarah,
      bodyMarkdown: 'Checked with the payments team: a fix ships on Thursday. I will answer with the date.',
      at: soon(row, 40),
    });
  }
  if (open[1]) {
    const row = await lockThreadRow(tx, open[1].id);
    await services.assignments.change(tx, row, diego, diego, 'TAKEN', soon(row, 50));
  }
}
