import { seedDemoIfEmpty } from './demo-seed';
import { DEMO_PASSWORD } from './demo-accounts';
import { startTestApp, TestApp } from '../testing/test-app';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedDemoIfEmpty(test.app);
});
afterAll(() => test.close());

const REPORT = `query ($from: DateTime!, $to: DateTime!) { report(from: $from, to: $to, granularity: WEEK, timeZone: "Europe/Paris") {
  responseTimes { period questions firstResponseMet firstResponseMissed answerMet answerMissed }
  answerers { community experts staff }
  deflection { period suggestionsShown suggestionOpened notPosted }
  mood { period negativePosts answeredInTime answeredLate } } }`;

describe('the demo’s history', () => {
  it('gives the staff report several weeks to measure: deadlines met and missed, answers by everyone, deflections, complaints', async () => {
    const staff = test.agent();
    await staff.signIn('staff@parvis.test', DEMO_PASSWORD);
    const to = new Date();
    const from = new Date(to.getTime() - 50 * 86_400_000);
    const { report } = await staff.data(REPORT, { from: from.toISOString(), to: to.toISOString() });

    const weeks = report.responseTimes.filter(
      (row: { period: string | null; questions: number }) => row.period && row.questions > 0,
    );
    expect(weeks.length).toBeGreaterThanOrEqual(5);
    const total = report.responseTimes.at(-1);
    expect(total.questions).toBeGreaterThanOrEqual(25);
    for (const figure of ['firstResponseMet', 'firstResponseMissed', 'answerMet', 'answerMissed'])
      expect(total[figure]).toBeGreaterThan(0);
    expect(report.answerers.community).toBeGreaterThan(report.answerers.staff);
    expect(report.answerers.experts).toBeGreaterThan(0);
    expect(report.answerers.staff).toBeGreaterThan(0);
    expect(report.deflection.at(-1)).toMatchObject({ notPosted: expect.any(Number) });
    expect(report.deflection.at(-1).notPosted).toBeGreaterThan(0);
    expect(report.deflection.at(-1).suggestionOpened).toBeGreaterThan(0);
    const mood = report.mood.at(-1);
    expect(mood.negativePosts).toBeGreaterThan(0);
    expect(mood.answeredInTime).toBeGreaterThan(0);
    expect(mood.answeredLate).toBeGreaterThan(0);
  });

  it('has the brand’s CEO on the executive digest', async () => {
    const staff = test.agent();
    await staff.signIn('staff@parvis.test', DEMO_PASSWORD);
    const { digestRecipients } = await staff.data(`{ digestRecipients { name email language active } }`);
    expect(digestRecipients).toEqual([
      { name: 'Claire Dupont', email: 'ceo@brand.example', language: 'fr', active: true },
    ]);
  });
});
