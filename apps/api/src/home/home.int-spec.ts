import { codeOf, useCommunity } from '../testing/community';
import { ACCEPT, ask, CREATE_THREAD, reply, THANK } from '../testing/threads-fixtures';

const { test, space, who } = useCommunity();

const HOME = `{ home {
  announcement { id title pinned }
  latestQuestions { id title }
  recentlyAnswered { id title }
  unanswered { id title }
  followedActivity { id title }
  trendingIdeas { id title }
  openCampaign { id }
} }`;

type Listed = { id: string; title: string };
const titles = (threads: Listed[] | null) => threads?.map((t) => t.title) ?? null;

const announce = (agent = who.staff.agent, title = 'We are open on Sunday', pinned?: boolean) =>
  agent.request(CREATE_THREAD, {
    input: { spaceId: space.news, title, bodyMarkdown: 'Come and see us.', language: 'en', pinned },
  });

describe('announcements', () => {
  it('are published by staff and moderators; a member is refused with a reason', async () => {
    expect(codeOf(await announce(who.staff.agent, 'Staff news'))).toBeUndefined();
    expect(codeOf(await announce(who.moderator.agent, 'Moderator news'))).toBeUndefined();
    const refused = await announce(who.member.agent, 'Member news');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].extensions).toMatchObject({ reason: 'ANNOUNCEMENTS_BY_STAFF' });
    expect(codeOf(await announce(who.expert.agent, 'Expert news'))).toBe('FORBIDDEN');
  });

  it('take comments and thanks from members', async () => {
    const { data } = await announce(who.staff.agent, 'New opening hours');
    const threadId = data!.createThread.id;
    const comment = await reply(who.member.agent, threadId, 'Great news, thanks!');
    expect(comment.isOfficial).toBe(false);
    const question = data!.createThread.question.id;
    const thanked = await who.member.agent.data(THANK, { input: { postId: question } });
    expect(thanked.thank.thanksCount).toBe(1);
  });

  it('are pinned only in the announcements space', async () => {
    const pinnedHelp = await who.member.agent.request(CREATE_THREAD, {
      input: { spaceId: space.help, title: 'Pin my question please', bodyMarkdown: 'Please.', pinned: true },
    });
    expect(codeOf(pinnedHelp)).toBe('BAD_USER_INPUT');
    expect(pinnedHelp.errors?.[0].extensions).toMatchObject({
      field: 'pinned',
      reason: 'ANNOUNCEMENTS_ONLY',
    });
  });
});

describe('the home page', () => {
  let pinnedId: string;
  beforeAll(async () => {
    pinnedId = (await announce(who.staff.agent, 'Pinned: our new store opens', true)).data!.createThread.id;
    await announce(who.moderator.agent, 'A later, unpinned announcement');
  });

  it('shows the pinned announcement before a later one', async () => {
    const { home } = await who.visitor.data(HOME);
    expect(home.announcement).toMatchObject({ id: pinnedId, pinned: true });
  });

  it('shows a visitor the latest questions and answers, not the experts’ or members’ lists', async () => {
    const waiting = await ask(who.asker.agent, space.help, 'Nobody has answered me yet');
    const answered = await ask(who.asker.agent, space.help, 'How do I reset my card PIN?');
    const answer = await reply(who.expert.agent, answered.id, 'In the app, under Card.');
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });

    const { home } = await who.visitor.data(HOME);
    expect(titles(home.latestQuestions)?.slice(0, 2)).toEqual([answered.title, waiting.title]);
    expect(titles(home.recentlyAnswered)).toContain(answered.title);
    expect(titles(home.recentlyAnswered)).not.toContain(waiting.title);
    expect(home.unanswered).toBeNull();
    expect(home.followedActivity).toBeNull();
    expect(titles(home.latestQuestions)).not.toContain('Pinned: our new store opens');
  });

  it('offers experts and staff the questions nobody has replied to ("help someone")', async () => {
    const waiting = await ask(who.asker.agent, space.help, 'Still waiting for a first reply');
    for (const person of [who.expert, who.staff, who.moderator]) {
      const { home } = await person.agent.data(HOME);
      expect(titles(home.unanswered)).toContain(waiting.title);
    }
    expect((await who.member.agent.data(HOME)).home.unanswered).toBeNull();
    await reply(who.member.agent, waiting.id, 'Same problem here.');
    expect(titles((await who.expert.agent.data(HOME)).home.unanswered)).not.toContain(waiting.title);
  });

  it('shows a member the threads they follow with activity they have not read', async () => {
    const mine = await ask(who.asker.agent, space.help, 'My parcel never arrived');
    expect(titles((await who.asker.agent.data(HOME)).home.followedActivity)).not.toContain(mine.title);
    await reply(who.staff.agent, mine.id, 'Sorry about that, we are looking into it.');
    const { home } = await who.asker.agent.data(HOME);
    expect(titles(home.followedActivity)).toContain(mine.title);
    expect(titles((await who.member.agent.data(HOME)).home.followedActivity)).not.toContain(mine.title);
  });

  it('leaves out a thread whose question is hidden', async () => {
    const spam = await ask(who.asker.agent, space.help, 'Cheap watches here');
    await who.moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: spam.question.id, reason: 'SPAM' },
    });
    const { home } = await who.visitor.data(HOME);
    expect(titles(home.latestQuestions)).not.toContain(spam.title);
  });

  it('costs the same few statements however many threads there are', async () => {
    const measure = async () => (await test.countQueries(() => who.expert.agent.data(HOME))).queries;
    const before = await measure();
    for (let i = 0; i < 6; i++) await ask(who.asker.agent, space.help, `Another question number ${i}`);
    const after = await measure();
    expect(after.length).toBe(before.length);
    // Lists (1), their threads (1), trending ideas (2: page and total), campaigns (1), and the session.
    expect(after.length).toBeLessThanOrEqual(8);
    expect(after.filter((q) => /FROM follows f JOIN threads/.test(q))).toHaveLength(1);
  });
});

describe('a profile', () => {
  const PROFILE = `query ($id: ID!) { user(id: $id) { role reputation thanksReceived
    recentQuestions { title }
    recentAnswers { post { bodyMarkdown isAcceptedAnswer } thread { title } }
    recentIdeas { title }
  } }`;

  it('lists the person’s questions, answers (the accepted one marked) and ideas, hidden ones left out', async () => {
    const person = who.expert;
    const asked = await ask(person.agent, space.help, 'Which charger fits the new model?');
    const question = await ask(who.asker.agent, space.help, 'Does the battery last a day?');
    const accepted = await reply(person.agent, question.id, 'Yes, about 26 hours.');
    await who.asker.agent.data(ACCEPT, { input: { postId: accepted.id } });
    const other = await ask(who.asker.agent, space.help, 'Is the case waterproof?');
    const hidden = await reply(person.agent, other.id, 'Call me on 06 12 34 56 78.');
    await who.moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: hidden.id, reason: 'PERSONAL_DATA' },
    });
    await person.agent.data(`mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`, {
      input: { spaceId: space.ideas, title: 'A dark mode for the app', body: 'Easier to read at night.' },
    });

    const { user } = await who.visitor.data(PROFILE, { id: person.id });
    expect(user.role).toBe('EXPERT');
    expect(titles(user.recentQuestions)).toContain(asked.title);
    expect(user.recentAnswers).toContainEqual({
      post: { bodyMarkdown: 'Yes, about 26 hours.', isAcceptedAnswer: true },
      thread: { title: question.title },
    });
    expect(user.recentAnswers.map((a: { thread: Listed }) => a.thread.title)).not.toContain(other.title);
    expect(titles(user.recentIdeas)).toEqual(['A dark mode for the app']);
  });
});
