import { startSmtpServer, TestSmtpServer } from '../testing/smtp-test-server';
import { GraphQLAgent, signedInAs, startTestApp, TestApp } from '../testing/test-app';
import { ask, reply, THANK } from '../testing/threads-fixtures';
import { spaces, Spaces } from '../testing/community';
import { NotificationsService } from './notifications.service';

/**
 * Notifications for every event that concerns someone, through a real SMTP server: what each
 * event writes in the app and sends by e-mail is what the recipient's preferences say, in their
 * language; hidden text never reaches someone who may not read it; digests go once.
 */
const GROUPS = `query ($kinds: [NotificationKind!]) { notificationGroups(kinds: $kinds) {
  id kind subjectType subjectId count unreadCount actorCount postId followUpId started rule clock
  actors { displayName } thread { id title } post { id bodyHtml } campaign { title } winnerIdea { title } } }`;
const UNREAD = `{ notifications(first: 1) { unreadCount } }`;
const SET_PREF = `mutation ($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preferences { kind delivery } } }`;
const SETTINGS = `{ notificationSettings { timeZone digestHour preferences { kind delivery } } }`;
const FOLLOW = `mutation ($input: FollowInput!) { follow(input: $input) }`;
const UNFOLLOW = `mutation ($input: FollowInput!) { unfollow(input: $input) }`;
const MARK_SUBJECT = `mutation ($input: SubjectInput!) { markSubjectRead(input: $input) }`;
const MARK_ALL = `mutation { markNotificationsRead }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const ACCEPT = `mutation ($input: PostIdInput!) { acceptAnswer(input: $input) { id } }`;
const RESOLVE = `mutation ($input: ThreadIdInput!) { resolveThread(input: $input) { id } }`;
const FOLLOW_UP = `mutation ($input: StartPrivateFollowUpInput!) { startPrivateFollowUp(input: $input) { id } }`;
const MEMBERS = `query ($prefix: String!) { members(prefix: $prefix) { id displayName } }`;
const THREAD_FOLLOWS = `query ($id: ID!) { thread(id: $id) { viewerFollows } }`;

interface Group {
  id: string;
  kind: string;
  subjectId: string;
  count: number;
  unreadCount: number;
  actorCount: number;
  postId: string | null;
  followUpId: string | null;
  started: boolean;
  rule: string | null;
  clock: string | null;
  actors: { displayName: string }[];
  thread: { id: string; title: string } | null;
  post: { id: string; bodyHtml: string } | null;
  campaign: { title: string } | null;
  winnerIdea: { title: string } | null;
}

let smtp: TestSmtpServer;
let test: TestApp;
let space: Spaces;
let env: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  env = {
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://community.example.com',
    BRAND_NAME: 'Acme Community',
    SESSION_SECRET: 'one session secret for both processes, 32+ characters',
    MAIL_RETRY_DELAY_SECONDS: '1',
    DEFAULT_TIME_ZONE: 'UTC',
    DIGEST_HOUR: '8',
    POST_LIMIT_PER_MEMBER: '1000',
  };
  test = await startTestApp(env);
  space = await spaces(test);
});
afterAll(async () => {
  await test.close();
  await smtp.stop();
});

type Person = { agent: GraphQLAgent; id: string; email: string };

/** A signed-in person whose address is confirmed (only confirmed addresses get notification mails). */
async function person(
  name: string,
  locale: 'fr' | 'en' | 'es',
  role = 'MEMBER',
  confirmed = true,
): Promise<Person> {
  const p = await signedInAs(test, role, name);
  await test.db.query(`UPDATE users SET locale = $2, email_confirmed_at = $3 WHERE id = $1`, [
    p.id,
    locale,
    confirmed ? new Date() : null,
  ]);
  return p;
}

/** The notification mails someone received (account mails, e.g. the address confirmation, left out). */
const noticesTo = (address: string) =>
  smtp.received.filter((m) => m.to.includes(address) && m.headers['list-unsubscribe'] !== undefined);

/** Waits until every queued mail was handled, so that "no mail" is a fact and not a race. */
async function mailSettled(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [{ pending }] = await test.db.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM mail_outbox WHERE status NOT IN ('SENT', 'FAILED')`,
    );
    if (pending === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `Mail still queued: ${JSON.stringify(await test.db.query(`SELECT status, kind, last_error FROM mail_outbox WHERE status NOT IN ('SENT', 'FAILED')`))}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

const groups = async (who: Person, kinds?: string[]) =>
  (await who.agent.data<{ notificationGroups: Group[] }>(GROUPS, { kinds })).notificationGroups;
const unread = async (who: Person) =>
  (await who.agent.data<{ notifications: { unreadCount: number } }>(UNREAD)).notifications.unreadCount;

describe('a reply in a thread I asked or follow', () => {
  it('notifies the asker in the app and, by default, by e-mail at once, in their language, linking to the exact post', async () => {
    const asker = await person('Amélie Asker', 'fr');
    const expert = await person('Eva Expert', 'en', 'EXPERT');
    const thread = await ask(asker.agent, space.help, 'Ma carte est refusée');
    const answer = await reply(expert.agent, thread.id, 'Vérifiez le plafond de la carte.');

    const [group] = await groups(asker);
    expect(group).toMatchObject({
      kind: 'REPLY',
      subjectId: thread.id,
      postId: answer.id,
      unreadCount: 1,
      actors: [{ displayName: 'Eva Expert' }],
      thread: { id: thread.id, title: 'Ma carte est refusée' },
    });
    expect(await unread(asker)).toBe(1);

    await mailSettled();
    const [mail] = noticesTo(asker.email);
    expect(mail.subject).toBe('Eva Expert a répondu dans « Ma carte est refusée » · Acme Community');
    expect(mail.text).toContain('Bonjour Amélie Asker,');
    expect(mail.text).toContain(
      `https://community.example.com/t/${thread.id}?post=${answer.id}#post-${answer.id}`,
    );
    expect(mail.headers['list-unsubscribe']).toMatch(/mail\/unsubscribe\?token=/);
    // The replier follows the thread now; they are not told of their own reply.
    expect(await groups(expert)).toEqual([]);
    expect((await expert.agent.data(THREAD_FOLLOWS, { id: thread.id })).thread.viewerFollows).toBe(true);
  });

  it('reaches followers, groups several replies per thread, and stops for whoever unfollows', async () => {
    const asker = await person('Tom Asker', 'en');
    const follower = await person('Fiona Follower', 'en');
    const a = await person('Ann', 'en');
    const b = await person('Ben', 'en');
    const thread = await ask(asker.agent, space.help, 'Where is my parcel?');
    await follower.agent.data(FOLLOW, { input: { subjectType: 'THREAD', subjectId: thread.id } });
    const first = await reply(a.agent, thread.id, 'Check the tracking page.');
    await reply(b.agent, thread.id, 'Mine came late too.');

    const [group] = await groups(follower);
    expect(group).toMatchObject({ kind: 'REPLY', count: 2, unreadCount: 2, actorCount: 2, postId: first.id });
    expect(group.actors.map((x) => x.displayName)).toEqual(['Ben', 'Ann']);

    await follower.agent.data(UNFOLLOW, { input: { subjectType: 'THREAD', subjectId: thread.id } });
    await reply(a.agent, thread.id, 'Any news?');
    expect((await groups(follower))[0].count).toBe(2);
    // The asker still follows: three replies.
    expect((await groups(asker))[0].count).toBe(3);
    // Posting again does not follow back someone who unfollowed.
    await reply(follower.agent, thread.id, 'Thanks all.');
    expect((await follower.agent.data(THREAD_FOLLOWS, { id: thread.id })).thread.viewerFollows).toBe(false);
  });

  it('mails a thread’s replies once until the thread is opened: the next ones wait in the app, and the mail says so', async () => {
    const asker = await person('Uma Until', 'en');
    const abe = await person('Abe', 'en');
    const bea = await person('Bea', 'en');
    const printer = await ask(asker.agent, space.help, 'Printer jams every morning');
    const scanner = await ask(asker.agent, space.help, 'Scanner is slow');
    await reply(abe.agent, printer.id, 'Clean the rollers.');
    await reply(bea.agent, printer.id, 'Same here.');
    await reply(abe.agent, scanner.id, 'Update the driver.'); // another thread: a mail of its own

    await mailSettled();
    const mails = noticesTo(asker.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Abe replied in “Printer jams every morning”'),
      expect.stringContaining('Abe replied in “Scanner is slow”'),
    ]);
    for (const mail of mails)
      expect(mail.text).toContain('Until you open the thread, its next replies wait for you there');
    // In the app, nothing is held back: both replies to the printer thread are there, unread.
    const printerGroup = (await groups(asker)).find((g) => g.subjectId === printer.id);
    expect(printerGroup).toMatchObject({ kind: 'REPLY', count: 2, unreadCount: 2 });

    // Once the thread is opened, its next reply is mailed again.
    await asker.agent.data(MARK_SUBJECT, { input: { subjectType: 'THREAD', subjectId: printer.id } });
    await reply(bea.agent, printer.id, 'Did the rollers help?');
    await mailSettled();
    const after = noticesTo(asker.email);
    expect(after).toHaveLength(3);
    expect(after[2].subject).toContain('Bea replied in “Printer jams every morning”');
  });

  it('is marked read when its thread is opened, and "mark all read" marks the rest', async () => {
    const asker = await person('Rita Reader', 'en');
    const other = await person('Oscar', 'en');
    const t1 = await ask(asker.agent, space.help, 'First question');
    const t2 = await ask(asker.agent, space.help, 'Second question');
    await reply(other.agent, t1.id);
    await reply(other.agent, t2.id);
    expect(await unread(asker)).toBe(2);
    expect(
      await asker.agent.data(MARK_SUBJECT, { input: { subjectType: 'THREAD', subjectId: t1.id } }),
    ).toEqual({
      markSubjectRead: 1,
    });
    const [top] = await groups(asker);
    expect(top).toMatchObject({ subjectId: t2.id, unreadCount: 1 }); // unread groups first
    await asker.agent.data(MARK_ALL);
    expect(await unread(asker)).toBe(0);
  });
});

describe('preferences', () => {
  it('choose, per kind, in-app only, e-mail at once or off; defaults: replies and accepted answers by e-mail', async () => {
    const asker = await person('Pia Prefs', 'en');
    const expert = await person('Lucía Experta', 'es', 'EXPERT');
    const settings = (await asker.agent.data(SETTINGS)).notificationSettings;
    expect(settings).toMatchObject({ timeZone: 'UTC', digestHour: 8 });
    const delivery = Object.fromEntries(
      settings.preferences.map((p: { kind: string; delivery: string }) => [p.kind, p.delivery]),
    );
    expect(delivery).toMatchObject({
      REPLY: 'EMAIL',
      ANSWER_ACCEPTED: 'EMAIL',
      THANKED: 'IN_APP',
      MENTIONED: 'IN_APP',
    });

    await asker.agent.data(SET_PREF, { input: { kind: 'REPLY', delivery: 'OFF' } });
    await expert.agent.data(SET_PREF, { input: { kind: 'THANKED', delivery: 'EMAIL' } });
    await expert.agent.data(SET_PREF, { input: { kind: 'ANSWER_ACCEPTED', delivery: 'IN_APP' } });
    const thread = await ask(asker.agent, space.help, 'Refund delay');
    const answer = await reply(expert.agent, thread.id, 'Refunds take 5 days.');
    await asker.agent.data(THANK, { input: { postId: answer.id } });
    await asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    await mailSettled();

    // REPLY off: nothing in the app, nothing by mail.
    expect(await groups(asker, ['REPLY'])).toEqual([]);
    expect(noticesTo(asker.email)).toEqual([]);
    // Thanks by e-mail, in Spanish; the accepted answer in the app only.
    const mails = noticesTo(expert.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Pia Prefs agradeció su mensaje en «Refund delay» · Acme Community',
    ]);
    expect((await groups(expert)).map((g) => g.kind).sort()).toEqual(['ANSWER_ACCEPTED', 'THANKED']);
  });

  it('send no e-mail to an address that is not confirmed', async () => {
    const asker = await person('Una Unconfirmed', 'en', 'MEMBER', false);
    const other = await person('Otto', 'en');
    const thread = await ask(asker.agent, space.help, 'Unconfirmed question');
    await reply(other.agent, thread.id);
    await mailSettled();
    expect(await groups(asker)).toHaveLength(1);
    expect(noticesTo(asker.email)).toEqual([]);
  });

  it('are changed by a mail’s unsubscribe link: that kind’s e-mail is off, its notices stay in the app', async () => {
    const asker = await person('Ulla Unsub', 'en');
    const other = await person('Olaf', 'en');
    const thread = await ask(asker.agent, space.help, 'Unsubscribe me');
    await reply(other.agent, thread.id);
    await mailSettled();
    const [mail] = noticesTo(asker.email);
    const link = /<([^>]+)>/
      .exec(mail.headers['list-unsubscribe'])![1]
      .replace('https://community.example.com', test.url);
    const response = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);

    const prefs = (await asker.agent.data(SETTINGS)).notificationSettings.preferences;
    expect(prefs.find((p: { kind: string }) => p.kind === 'REPLY').delivery).toBe('IN_APP');
    await reply(other.agent, thread.id, 'Another one');
    await mailSettled();
    expect(noticesTo(asker.email)).toHaveLength(1);
    expect((await groups(asker))[0].count).toBe(2);
    // Choosing e-mail again undoes the unsubscribe (the thread opened since: its next reply is mailed).
    await asker.agent.data(SET_PREF, { input: { kind: 'REPLY', delivery: 'EMAIL' } });
    await asker.agent.data(MARK_SUBJECT, { input: { subjectType: 'THREAD', subjectId: thread.id } });
    await reply(other.agent, thread.id, 'A third one');
    await mailSettled();
    expect(noticesTo(asker.email)).toHaveLength(2);
  });
});

describe('every event that concerns someone', () => {
  it('tells the author their reply was accepted, and the asker their thread was marked answered and resolved, and by whom', async () => {
    const asker = await person('Ada', 'en');
    const helper = await person('Hugo', 'fr');
    const expert = await person('Ezra Expert', 'en', 'EXPERT');
    const moderator = await person('Mona Mod', 'en', 'MODERATOR');
    const thread = await ask(asker.agent, space.help, 'Which plan?');
    const answer = await reply(helper.agent, thread.id, 'The yearly one.');
    await expert.agent.data(ACCEPT, { input: { postId: answer.id } });
    await moderator.agent.data(RESOLVE, { input: { threadId: thread.id } });

    expect(await groups(helper, ['ANSWER_ACCEPTED'])).toMatchObject([
      { postId: answer.id, actors: [{ displayName: 'Ezra Expert' }] },
    ]);
    const marks = await groups(asker, ['THREAD_ANSWERED', 'THREAD_RESOLVED']);
    expect(marks.map((g) => [g.kind, g.actors[0].displayName]).sort()).toEqual([
      ['THREAD_ANSWERED', 'Ezra Expert'],
      ['THREAD_RESOLVED', 'Mona Mod'],
    ]);
    await mailSettled();
    // Accepted answers are e-mailed at once by default, in French for Hugo.
    expect(noticesTo(helper.email).map((m) => m.subject)).toContain(
      'Ezra Expert a accepté votre réponse comme la solution dans « Which plan? » · Acme Community',
    );
  });

  it('groups thanks: "Sarah and 2 others thanked your post", once per member however often they thank again', async () => {
    const author = await person('Tia Thanked', 'en');
    const thankers = await Promise.all(['Sarah', 'Sam', 'Sue'].map((n) => person(n, 'en')));
    const thread = await ask(thankers[0].agent, space.help, 'Thank-worthy');
    const post = await reply(author.agent, thread.id, 'Helpful reply.');
    for (const t of thankers) await t.agent.data(THANK, { input: { postId: post.id } });
    await thankers[0].agent.data(THANK, { input: { postId: post.id } }); // withdrawn
    await thankers[0].agent.data(THANK, { input: { postId: post.id } }); // given again
    const [group] = await groups(author, ['THANKED']);
    expect(group).toMatchObject({ count: 3, actorCount: 3, postId: post.id });
  });

  it('tells a mentioned member (and not also as a reply), renders the mention as a profile link, and autocompletes names', async () => {
    const asker = await person('Mia Mentioner', 'en');
    const mentioned = await person('Zoë Zébulon', 'en');
    const found = (await asker.agent.data(MEMBERS, { prefix: 'zoe' })).members;
    expect(found).toEqual([{ id: mentioned.id, displayName: 'Zoë Zébulon' }]);
    expect((await test.agent().request(MEMBERS, { prefix: 'zoe' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const thread = await ask(mentioned.agent, space.help, 'Mentions');
    const post = await reply(asker.agent, thread.id, `Ask @[Zoë Zébulon](${mentioned.id}) <b>now</b>`);
    expect(post.bodyHtml).toBe(
      `<p>Ask <a href="/u/${mentioned.id}" class="mention">@Zoë Zébulon</a> &lt;b&gt;now&lt;/b&gt;</p>`,
    );
    expect((await groups(mentioned)).map((g) => g.kind)).toEqual(['MENTIONED']);
  });

  it('tells the asker a staff member started a private follow-up with them, and each side when the other writes', async () => {
    const asker = await person('Pat Private', 'en');
    const staff = await person('Sal Staff', 'en', 'STAFF');
    const thread = await ask(asker.agent, space.help, 'My account number');
    const { startPrivateFollowUp } = await staff.agent.data(FOLLOW_UP, {
      input: { threadId: thread.id, bodyMarkdown: 'Let us continue privately.' },
    });
    const [group] = await groups(asker, ['PRIVATE_FOLLOW_UP']);
    expect(group).toMatchObject({ followUpId: startPrivateFollowUp.id, started: true });
    await asker.agent.data(
      `mutation ($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { id } }`,
      { input: { followUpId: startPrivateFollowUp.id, bodyMarkdown: 'Here it is.' } },
    );
    expect(await groups(staff, ['PRIVATE_FOLLOW_UP'])).toMatchObject([{ started: false }]);
  });

  it('tells a campaign’s voters when it closes, and which idea won', async () => {
    const staff = await person('Cam Staff', 'en', 'STAFF');
    const voter = await person('Vic Voter', 'en');
    const { createCampaign } = await staff.agent.data(
      `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: {
          spaceId: space.ideas,
          title: 'Next flavour',
          question: 'Which one?',
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 3_000).toISOString(),
        },
      },
    );
    await voter.agent.data(`mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`, {
      input: { spaceId: space.ideas, campaignId: createCampaign.id, title: 'Lemon', body: 'Fresh.' },
    });
    // The job queued with the campaign runs at its closing time.
    const deadline = Date.now() + 20_000;
    while ((await groups(voter, ['CAMPAIGN_CLOSED'])).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await groups(voter, ['CAMPAIGN_CLOSED'])).toEqual([
      expect.objectContaining({
        count: 1,
        campaign: { title: 'Next flavour' },
        winnerIdea: { title: 'Lemon' },
      }),
    ]);
  });
});

describe('hidden text', () => {
  it('never appears in a notice or an e-mail to someone who may not read it; the author is told why, and of the restore', async () => {
    const asker = await person('Hal Hidden', 'en');
    const follower = await person('Flo', 'en');
    const moderator = await person('Max Mod', 'en', 'MODERATOR');
    const thread = await ask(asker.agent, space.help, 'Secret title with a phone number');
    await follower.agent.data(FOLLOW, { input: { subjectType: 'THREAD', subjectId: thread.id } });
    const rude = await reply(asker.agent, thread.id, 'An insult nobody should read.');
    // Mailed while the title was public: it named it. What follows is written once both are hidden.
    await mailSettled();
    const before = noticesTo(follower.email).length;
    // The follower opens the thread: the next reply is mailed to them again.
    await follower.agent.data(MARK_SUBJECT, { input: { subjectType: 'THREAD', subjectId: thread.id } });
    const question = (
      await test.db.query<{ id: string }[]>(`SELECT id FROM posts WHERE thread_id = $1 AND is_question`, [
        thread.id,
      ])
    )[0];
    await moderator.agent.data(HIDE, { input: { postId: rude.id, reason: 'INSULT' } });
    await moderator.agent.data(HIDE, { input: { postId: question.id, reason: 'PERSONAL_DATA' } });
    const other = await person('Olga', 'en');
    await reply(other.agent, thread.id, 'A reply after the hiding.');
    await mailSettled();

    const seen = await groups(follower, ['REPLY']);
    const text = JSON.stringify(seen);
    expect(text).not.toContain('insult nobody');
    expect(text).not.toContain('Secret title');
    expect(seen[0].thread?.title).toBe('Hidden question');
    const after = noticesTo(follower.email).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0].subject).toBe('Olga replied in a thread · Acme Community');
    expect(after[0].text + after[0].html).not.toMatch(/Secret title|insult nobody/);

    // The author may read their own post: they see it, and are told the rule.
    const hidden = await groups(asker, ['POST_HIDDEN']);
    expect(hidden.map((g) => g.rule).sort()).toEqual(['INSULT', 'PERSONAL_DATA']);
    expect(hidden.find((g) => g.rule === 'INSULT')?.post?.bodyHtml).toContain('insult nobody');
    await moderator.agent.data(RESTORE, { input: { postId: rude.id } });
    expect(await groups(asker, ['POST_RESTORED'])).toMatchObject([{ postId: rude.id }]);
  });
});

describe('digests', () => {
  it('send one daily digest per person and day at the digest hour, even with two processes, in the recipient’s language', async () => {
    const asker = await person('Dora Digest', 'fr');
    const a = await person('Anna', 'en');
    const b = await person('Bruno', 'en');
    await asker.agent.data(SET_PREF, { input: { kind: 'REPLY', delivery: 'DAILY' } });
    await asker.agent.data(SET_PREF, { input: { kind: 'THANKED', delivery: 'DAILY' } });
    const thread = await ask(asker.agent, space.help, 'Digest me');
    const mine = await reply(asker.agent, thread.id, 'My own reply.');
    await reply(a.agent, thread.id, 'First.');
    await reply(b.agent, thread.id, 'Second.');
    await a.agent.data(THANK, { input: { postId: mine.id } });
    await b.agent.data(THANK, { input: { postId: mine.id } });
    await mailSettled();
    expect(noticesTo(asker.email)).toEqual([]); // nothing at once

    // At 08:10 UTC it is the digest hour of DIGEST_HOUR=8 in DEFAULT_TIME_ZONE=UTC.
    // The first digest hour whose period (the 24 hours before 08:00) holds the notices written now.
    const at = new Date();
    at.setUTCHours(8, 10, 0, 0);
    if (at.getTime() - 10 * 60_000 <= Date.now()) at.setUTCDate(at.getUTCDate() + 1);
    const second = await startTestApp(env, test.databaseUrl);
    try {
      await Promise.all([
        test.app.get(NotificationsService).sendDigests(at),
        second.app.get(NotificationsService).sendDigests(at),
        test.app.get(NotificationsService).sendDigests(at),
      ]);
      // An hour later it is not the digest hour any more: nothing new.
      expect(await test.app.get(NotificationsService).sendDigests(new Date(at.getTime() + 3_600_000))).toBe(
        0,
      );
    } finally {
      await second.close();
    }
    await mailSettled();
    const digests = noticesTo(asker.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Votre résumé quotidien Acme Community');
    expect(digests[0].text).toContain('Anna a répondu dans « Digest me »');
    expect(digests[0].text).toContain('Bruno a répondu dans « Digest me »');
    expect(digests[0].text).toMatch(
      /(Anna|Bruno) et 1 autre vous ont remercié pour votre message dans « Digest me »/,
    );
    expect(digests[0].headers['list-unsubscribe']).toMatch(/unsubscribe/);
  });

  it('send the weekly digest on Mondays at the digest hour, in the member’s own time zone, and on no other day', async () => {
    const member = await person('Wendy Weekly', 'en');
    const other = await person('Walt', 'en');
    await member.agent.data(SET_PREF, { input: { kind: 'REPLY', delivery: 'WEEKLY' } });
    await member.agent.data(
      `mutation ($input: SetNotificationTimeZoneInput!) { setNotificationTimeZone(input: $input) { timeZone } }`,
      {
        input: { timeZone: 'America/New_York' },
      },
    );
    const thread = await ask(member.agent, space.help, 'Weekly news');
    await reply(other.agent, thread.id, 'A reply for the week.');

    // The first Monday 08:10 in New York whose week (the 7 days before 08:00) holds this reply.
    const monday = new Date();
    monday.setUTCHours(12, 10, 0, 0); // 08:10 in New York in summer, 07:10 in winter: found below
    const service = test.app.get(NotificationsService);
    let sent = 0;
    for (let hours = 0; hours < 24 * 8 && sent === 0; hours += 1) {
      const at = new Date(monday.getTime() + hours * 3_600_000);
      const local = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
      }).formatToParts(at);
      const weekday = local.find((p) => p.type === 'weekday')?.value;
      const hour = Number(local.find((p) => p.type === 'hour')?.value);
      if (hour !== 8) continue;
      sent = await service.sendDigests(at);
      if (weekday !== 'Mon') expect(sent).toBe(0);
    }
    expect(sent).toBe(1);
    await mailSettled();
    const [digest] = noticesTo(member.email);
    expect(digest.subject).toBe('Your weekly Acme Community digest');
    expect(digest.text).toContain('Walt replied in “Weekly news”');
  });
});
