import { seedDemoIfEmpty } from './demo-seed';
import { DEMO_PASSWORD } from './demo-accounts';
import { GraphQLAgent, startTestApp, TestApp } from '../testing/test-app';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedDemoIfEmpty(test.app);
});
afterAll(() => test.close());

const signedIn = async (email: string): Promise<GraphQLAgent> => {
  const agent = test.agent();
  await agent.signIn(email, DEMO_PASSWORD);
  return agent;
};

const THREAD = `query ($id: ID!) { thread(id: $id) { publicState acknowledgement { by { displayName } }
  assignee { displayName } assignmentHistory { kind actor { displayName } }
  notes { bodyMarkdown author { displayName } } } }`;

describe('the desk in the demo community', () => {
  it('has a thread Malik gave to Sarah, acknowledged in public, with internal notes only the brand reads', async () => {
    const [{ thread_id: threadId }] = await test.db.query(
      `SELECT thread_id FROM assignment_events WHERE kind = 'ASSIGNED'`,
    );
    const staffView = (await (await signedIn('staff@parvis.test')).data(THREAD, { id: threadId })).thread;
    expect(staffView.assignee).toEqual({ displayName: 'Sarah (Parvis team)' });
    expect(staffView.assignmentHistory).toEqual([
      { kind: 'ASSIGNED', actor: { displayName: 'Malik Benali' } },
    ]);
    expect(staffView.notes.map((n: any) => n.author.displayName)).toEqual([
      'Malik Benali',
      'Sarah (Parvis team)',
    ]);
    const visitorView = (await test.agent().data(THREAD, { id: threadId })).thread;
    expect(visitorView.notes).toBeNull();
    expect(visitorView.assignee).toBeNull();
    expect(visitorView.acknowledgement).not.toBeNull();
    // Sarah was told of the assignment and of the note that names her.
    const kinds = await test.db.query(
      `SELECT kind FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.email = 'staff@parvis.test' AND n.subject_id = $1 ORDER BY kind`,
      [threadId],
    );
    expect(kinds.map((k: any) => k.kind)).toEqual(
      expect.arrayContaining(['NOTE_MENTIONED', 'THREAD_ASSIGNED']),
    );
  });

  it('has a thread the expert took himself, and managers on duty in the help space', async () => {
    expect(
      await test.db.query(
        `SELECT count(*)::int AS n FROM assignment_events e JOIN users u ON u.id = e.actor_id
          WHERE e.kind = 'TAKEN' AND u.email = 'expert@parvis.test'`,
      ),
    ).toEqual([{ n: 1 }]);
    const { spaces } = await test.agent().data(`{ spaces { slug managersOnDutyToday { displayName } } }`);
    const help = spaces.find((s: any) => s.slug === 'help');
    // Malik is on duty every day; Sarah on weekdays.
    expect(help.managersOnDutyToday.map((m: any) => m.displayName)).toContain('Malik Benali');
  });
});
