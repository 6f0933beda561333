import { randomUUID } from 'node:crypto';
import { ACCEPT, ask, reply } from '../testing/threads-fixtures';
import { SET_STATUS, submitIdea, VOTE } from '../testing/ideas-fixtures';
import { codeOf, fieldOf, useCommunity } from '../testing/community';
import { signedInAs, startTestApp } from '../testing/test-app';
import { ExecutiveDigestService } from './executive-digest.service';

const REPORT = `query ($from: DateTime!, $to: DateTime!, $granularity: ReportGranularity, $timeZone: String, $spaceId: ID, $language: String) {
  report(from: $from, to: $to, granularity: $granularity, timeZone: $timeZone, spaceId: $spaceId, language: $language) {
    timeZone granularity
    responseTimes { period questions firstResponseMedian firstResponseP90 answerMedian answerP90
                    firstResponseMet firstResponseMissed answerMet answerMissed }
    answerers { community experts staff }
    topHelpers { userId displayName role acceptedAnswers replies thanks }
    deflection { period attempts suggestionsShown suggestionOpened notPosted }
    mood { period negativePosts answeredInTime answeredLate }
    ideaFlow { period submitted underReview planned inProgress launched declined }
    timeInStatus { status stays medianDays averageDays }
    topIdeas { ideaId title votesInRange votesTotal }
    campaigns { campaignId }
  } }`;
const MARK_ANSWERED = `mutation ($input: MarkAnsweredInput!) { markAnswered(input: $input) { id } }`;
const ASK_EVENT = `mutation ($input: RecordAskEventInput!) { recordAskEvent(input: $input) }`;
const DIGEST = `query ($day: String!, $timeZone: String) { executiveDigest(day: $day, timeZone: $timeZone) {
  day questions acknowledgedInTime acknowledgedLate acknowledgementPending answeredInTime answeredLate answerPending
  hottestNegative { threadId title negativePosts answered acknowledgedAt status }
  ideasMoved { ideaId title fromStatus toStatus } } }`;
const ADD_RECIPIENT = `mutation ($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) { id email active } }`;

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });
const PARIS = 'Europe/Paris';

/** Moves a question into the past: asked at `asked`, first responded and answered at the given instants. */
async function history(
  threadId: string,
  asked: string,
  firstResponse: string | null,
  answered: string | null,
  firstResponseMinutes = 60,
  answerMinutes = 1440,
) {
  await test.db.query(
    `UPDATE threads SET created_at = $2, first_response_at = $3, answered_at = $4,
            first_response_due_at = $2::timestamptz + make_interval(mins => $5),
            answer_due_at = $2::timestamptz + make_interval(mins => $6)
      WHERE id = $1`,
    [threadId, asked, firstResponse, answered, firstResponseMinutes, answerMinutes],
  );
}

const report = (agent = who.staff.agent, variables: Record<string, unknown> = {}) =>
  agent.request(REPORT, {
    from: '2026-10-05T00:00:00+02:00',
    to: '2026-10-07T00:00:00+02:00',
    timeZone: PARIS,
    ...variables,
  });

describe('the staff report', () => {
  it('is for staff: visitors are asked to sign in, members are refused', async () => {
    expect(codeOf(await report(who.visitor))).toBe('UNAUTHENTICATED');
    expect(codeOf(await report(who.member.agent))).toBe('FORBIDDEN');
    expect((await report(who.moderator.agent)).errors).toBeUndefined();
  });

  it('refuses a range that ends before it starts, is too long, or a zone that does not exist', async () => {
    const backwards = await report(who.staff.agent, {
      from: '2026-10-07T00:00:00Z',
      to: '2026-10-05T00:00:00Z',
    });
    expect([codeOf(backwards), fieldOf(backwards)]).toEqual(['BAD_USER_INPUT', 'to']);
    const tooLong = await report(who.staff.agent, {
      from: '2024-01-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect([codeOf(tooLong), fieldOf(tooLong)]).toEqual(['BAD_USER_INPUT', 'to']);
    const zone = await report(who.staff.agent, { timeZone: 'Mars/Olympus' });
    expect([codeOf(zone), fieldOf(zone)]).toEqual(['BAD_USER_INPUT', 'timeZone']);
  });

  it('gives first response and answer times per day in the report’s time zone, median and 90th percentile, deadlines met and missed', async () => {
    const onTime = await ask(who.asker.agent, space.help, 'Answered in time on Monday');
    const late = await ask(who.asker.agent, space.help, 'Acknowledged late and never answered');
    const tuesday = await ask(who.asker.agent, space.help, 'Asked on Tuesday morning');
    // Monday 5 October in Paris (UTC+2): 09:00 and 10:00; Tuesday 09:00. Late Sunday in UTC is Monday in Paris.
    await history(onTime.id, '2026-10-05T07:00:00Z', '2026-10-05T07:30:00Z', '2026-10-05T10:00:00Z');
    await history(late.id, '2026-10-05T08:00:00Z', '2026-10-05T10:00:00Z', null);
    await history(tuesday.id, '2026-10-05T23:30:00Z', '2026-10-05T23:40:00Z', '2026-10-06T00:10:00Z');

    const { data } = await report();
    const [monday, tuesdayRow, total] = data!.report.responseTimes;
    expect(monday).toEqual({
      period: '2026-10-05',
      questions: 2,
      firstResponseMedian: 75,
      firstResponseP90: 111,
      answerMedian: 180,
      answerP90: 180,
      firstResponseMet: 1,
      firstResponseMissed: 1,
      answerMet: 1,
      answerMissed: 1,
    });
    expect(tuesdayRow).toMatchObject({
      period: '2026-10-06',
      questions: 1,
      firstResponseMedian: 10,
      answerMedian: 40,
    });
    expect(total).toMatchObject({ period: null, questions: 3, firstResponseMet: 2, firstResponseMissed: 1 });

    const { data: utc } = await report(who.staff.agent, {
      timeZone: 'UTC',
      from: '2026-10-05T00:00:00Z',
      to: '2026-10-07T00:00:00Z',
    });
    expect(utc!.report.responseTimes.map((r: { questions: number }) => r.questions)).toEqual([3, 0, 3]);
  });

  it('says who wrote the accepted answers: the community, experts or staff, and who helped most', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const before = (await report(who.staff.agent, { from, to })).data!.report.answerers;
    for (const helper of [who.member, who.expert, who.staff]) {
      const question = await ask(
        who.asker.agent,
        space.help,
        `A question ${helper.id.slice(0, 6)} can answer`,
      );
      const answer = await reply(helper.agent, question.id, 'Here is how.');
      await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    }
    const { data } = await report(who.staff.agent, { from, to });
    expect(data!.report.answerers).toEqual({
      community: before.community + 1,
      experts: before.experts + 1,
      staff: before.staff + 1,
    });
    const helpers = data!.report.topHelpers.map((h: { userId: string; acceptedAnswers: number }) => h.userId);
    expect(helpers).toEqual(expect.arrayContaining([who.member.id, who.expert.id, who.staff.id]));
  });

  it('counts deflection from the new-question form: suggestions shown, one opened, no question posted; each step once', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const deflected = randomUUID();
    const posted = randomUUID();
    const step = (agent: typeof who.asker.agent, attemptId: string, event: string, threadId?: string) =>
      agent.request(ASK_EVENT, {
        input: { attemptId, spaceId: space.help, event, language: 'fr', threadId },
      });

    for (const event of ['STARTED', 'SUGGESTIONS_SHOWN', 'SUGGESTIONS_SHOWN', 'SUGGESTION_OPENED'])
      expect((await step(who.asker.agent, deflected, event)).errors).toBeUndefined();
    await step(who.member.agent, posted, 'SUGGESTIONS_SHOWN');
    const thread = await ask(who.member.agent, space.help, 'Posted although suggestions were shown');
    expect((await step(who.member.agent, posted, 'POSTED', thread.id)).errors).toBeUndefined();

    const stolen = await step(who.member.agent, deflected, 'POSTED', thread.id);
    expect([codeOf(stolen), fieldOf(stolen)]).toEqual(['BAD_USER_INPUT', 'attemptId']);
    const notTheirs = await step(who.asker.agent, deflected, 'POSTED', thread.id);
    expect([codeOf(notTheirs), fieldOf(notTheirs)]).toEqual(['BAD_USER_INPUT', 'threadId']);
    expect(codeOf(await step(who.visitor, randomUUID(), 'STARTED'))).toBe('UNAUTHENTICATED');

    const { data } = await report(who.staff.agent, { from, to, granularity: 'MONTH', language: 'fr' });
    const total = data!.report.deflection.at(-1);
    expect(total).toEqual({
      period: null,
      attempts: 2,
      suggestionsShown: 2,
      suggestionOpened: 1,
      notPosted: 1,
    });
  });

  it('counts negative posts and how many the brand answered within its first-response time', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Three complaints in one thread');
    const posts = [
      await reply(who.member.agent, thread.id, 'Still broken after a week.'),
      await reply(who.member.agent, thread.id, 'Nobody answers here.'),
      await reply(who.member.agent, thread.id, 'I give up.'),
    ];
    const at = '2026-10-06T08:00:00Z';
    await test.db.query(`UPDATE posts SET tone = 'NEGATIVE', created_at = $2 WHERE id = ANY($1)`, [
      posts.map((p) => p.id),
      at,
    ]);
    const answer = await reply(who.staff.agent, thread.id, 'We are on it, sorry for the wait.');
    for (const complaint of posts.slice(0, 2))
      await who.moderator.agent.data(MARK_ANSWERED, {
        input: { postId: complaint.id, answerPostId: answer.id },
      });
    // One answered 30 minutes after it was written (in time: the space promises 60), one four hours after.
    await test.db.query(`UPDATE posts SET answered_at = $2 WHERE id = $1`, [
      posts[0].id,
      '2026-10-06T08:30:00Z',
    ]);
    await test.db.query(`UPDATE posts SET answered_at = $2 WHERE id = $1`, [
      posts[1].id,
      '2026-10-06T12:00:00Z',
    ]);

    const { data } = await report();
    expect(data!.report.mood.find((r: { period: string }) => r.period === '2026-10-06')).toEqual({
      period: '2026-10-06',
      negativePosts: 3,
      answeredInTime: 1,
      answeredLate: 1,
    });
  });

  it('follows ideas: submitted, moved into each status, time spent in each, and the most voted', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const idea = await submitIdea(who.asker.agent);
    await who.staff.agent.data(SET_STATUS, { input: { ideaId: idea.id, status: 'UNDER_REVIEW' } });
    await who.staff.agent.data(SET_STATUS, {
      input: { ideaId: idea.id, status: 'PLANNED', response: 'Coming soon.' },
    });
    await who.member.agent.data(VOTE, { input: { ideaId: idea.id } });
    await who.expert.agent.data(VOTE, { input: { ideaId: idea.id } });

    const { data } = await report(who.staff.agent, { from, to, granularity: 'WEEK' });
    expect(data!.report.ideaFlow.at(-1)).toMatchObject({
      submitted: 1,
      underReview: 1,
      planned: 1,
      launched: 0,
    });
    expect(data!.report.timeInStatus.map((s: { status: string }) => s.status)).toEqual([
      'NEW',
      'UNDER_REVIEW',
      'PLANNED',
    ]);
    expect(data!.report.topIdeas[0]).toMatchObject({ ideaId: idea.id, votesInRange: idea.votesCount + 2 });
  });

  it('serves each table as CSV with the same numbers as the page, for staff only', async () => {
    const query = `from=${encodeURIComponent('2026-10-05T00:00:00+02:00')}&to=${encodeURIComponent('2026-10-07T00:00:00+02:00')}&timeZone=${PARIS}`;
    const csv = async (name: string, cookie: string | null) => {
      const response = await fetch(`${test.url}/reports/${name}.csv?${query}`, {
        headers: cookie ? { cookie } : {},
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
      };
    };
    const { data } = await report();
    const times = await csv('response-times', who.staff.agent.sessionCookie);
    expect(times.status).toBe(200);
    expect(times.type).toMatch(/^text\/csv/);
    const [header, ...lines] = times.body.trim().split('\r\n');
    expect(header.split(',')).toEqual([
      'period',
      'questions',
      'first_response_median_minutes',
      'first_response_p90_minutes',
      'answer_median_minutes',
      'answer_p90_minutes',
      'first_response_met',
      'first_response_missed',
      'answer_met',
      'answer_missed',
    ]);
    const onScreen = data!.report.responseTimes.map((r: Record<string, unknown>) =>
      [
        r.period ?? 'total',
        r.questions,
        r.firstResponseMedian,
        r.firstResponseP90,
        r.answerMedian,
        r.answerP90,
        r.firstResponseMet,
        r.firstResponseMissed,
        r.answerMet,
        r.answerMissed,
      ]
        .map((v) => (v === null ? '' : String(v as string | number)))
        .join(','),
    );
    expect(lines).toEqual(onScreen);

    const mood = await csv('mood', who.staff.agent.sessionCookie);
    expect(mood.body.trim().split('\r\n').slice(1)).toEqual(
      data!.report.mood.map((r: Record<string, unknown>) =>
        [r.period ?? 'total', r.negativePosts, r.answeredInTime, r.answeredLate].join(','),
      ),
    );

    expect((await csv('response-times', null)).status).toBe(401);
    expect((await csv('response-times', who.member.agent.sessionCookie)).status).toBe(403);
    expect((await csv('passwords', who.staff.agent.sessionCookie)).status).toBe(404);
  });
});

describe('the executive digest', () => {
  it('lists a past day against the promises, its hottest negative threads and the ideas that moved', async () => {
    const angry = await ask(who.asker.agent, space.help, 'Furious about my broken order');
    const complaint = await reply(who.member.agent, angry.id, 'Same here, unacceptable.');
    await history(angry.id, '2026-09-01T07:00:00Z', null, null);
    await test.db.query(
      `UPDATE posts SET tone = 'NEGATIVE', created_at = '2026-09-01T08:00:00Z' WHERE id = $1`,
      [complaint.id],
    );

    const { data } = await who.staff.agent.request(DIGEST, { day: '2026-09-01', timeZone: PARIS });
    expect(data!.executiveDigest).toMatchObject({
      day: '2026-09-01',
      questions: 1,
      acknowledgedInTime: 0,
      acknowledgedLate: 1,
      acknowledgementPending: 0,
      answeredLate: 1,
    });
    expect(data!.executiveDigest.hottestNegative).toEqual([
      {
        threadId: angry.id,
        title: 'Furious about my broken order',
        negativePosts: 1,
        answered: 0,
        acknowledgedAt: null,
        status: 'OPEN',
      },
    ]);
    expect(codeOf(await who.member.agent.request(DIGEST, { day: '2026-09-01' }))).toBe('FORBIDDEN');
  });

  it('is sent once per recipient and day at their local hour, in their language, even with two API processes', async () => {
    const admin = await signedInAs(test, 'ADMIN', 'Ada Admin');
    const add = (agent = admin.agent) =>
      agent.request(ADD_RECIPIENT, {
        input: { email: 'ceo@brand.example', name: 'Claire Dupont', language: 'fr', timeZone: PARIS },
      });
    expect(codeOf(await add(who.staff.agent))).toBe('FORBIDDEN');
    const { data } = await add();
    expect(data!.addDigestRecipient).toMatchObject({ email: 'ceo@brand.example', active: true });

    const second = await startTestApp({}, test.databaseUrl);
    try {
      // 07:00 in Paris on 2 October (UTC+2): the digest of 1 October is due.
      const due = new Date('2026-10-02T05:00:00Z');
      const queued = await Promise.all([
        test.app.get(ExecutiveDigestService).sendDue(due),
        second.app.get(ExecutiveDigestService).sendDue(due),
      ]);
      expect(queued[0] + queued[1]).toBe(1);
      expect(await second.app.get(ExecutiveDigestService).sendDue(new Date('2026-10-02T06:00:00Z'))).toBe(0);
    } finally {
      await second.close();
    }

    const mails: { idempotency_key: string; locale: string; params: Record<string, string> }[] =
      await test.db.query(
        `SELECT idempotency_key, locale, params FROM mail_outbox WHERE to_address = 'ceo@brand.example'`,
      );
    expect(mails).toHaveLength(1);
    expect(mails[0].idempotency_key).toMatch(/^executive-digest:.+:2026-10-01$/);
    expect(mails[0].locale).toBe('fr');
    expect(mails[0].params.subject).toContain('jeudi 1 octobre 2026');
    expect(mails[0].params.body).toContain('Prises en charge dans le délai promis');
    expect(mails[0].params.path).toBe('/staff/digest/2026-10-01');
  });
});
