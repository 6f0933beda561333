import { THREAD_LIMITS } from '@parvis/domain';
import {
  ACCEPT,
  ask,
  CREATE_THREAD,
  EDIT_POST,
  reply,
  REOPEN,
  REPLY,
  RESOLVE,
  THANK,
  THREAD,
} from '../testing/threads-fixtures';
import { startTestApp, TestApp } from '../testing/test-app';
import { codeOf, people, useCommunity } from '../testing/community';

// The posting limit has its own test below; here people post as much as the rules need.
const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const count = async (table: string) =>
  Number((await test.db.query(`SELECT count(*) FROM ${table}`))[0].count);
const reputationOf = async (id: string) =>
  Number((await test.db.query('SELECT reputation FROM users WHERE id = $1', [id]))[0].reputation);

describe('asking a question', () => {
  it('creates an OPEN thread whose question is its first post, with answer clocks of +1 h and +24 h', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Ma carte est refusée',
      'Elle est **refusée** au paiement.',
      'fr',
    );
    expect(thread).toMatchObject({
      title: 'Ma carte est refusée',
      language: 'fr',
      status: 'OPEN',
      repliesCount: 0,
      space: { slug: 'help' },
      author: { id: who.asker.id },
      question: {
        isQuestion: true,
        bodyMarkdown: 'Elle est **refusée** au paiement.',
        bodyHtml: '<p>Elle est <strong>refusée</strong> au paiement.</p>',
      },
      acceptedAnswer: null,
    });
    const created = new Date(thread.createdAt).getTime();
    expect(new Date(thread.sla.firstResponseDueAt).getTime() - created).toBe(60 * 60_000);
    expect(new Date(thread.sla.answerDueAt).getTime() - created).toBe(24 * 60 * 60_000);
    expect(thread.sla).toMatchObject({ firstResponseAt: null, answeredAt: null, breached: false });
  });

  it('takes the answer clocks from the space’s own durations', async () => {
    const thread = await ask(who.asker.agent, space.fast);
    const created = new Date(thread.createdAt).getTime();
    expect(new Date(thread.sla.firstResponseDueAt).getTime() - created).toBe(5 * 60_000);
    expect(new Date(thread.sla.answerDueAt).getTime() - created).toBe(30 * 60_000);
  });

  it('starts no clock outside HELP spaces (a staff announcement)', async () => {
    const thread = await ask(who.staff.agent, space.news, 'Maintenance on Sunday');
    expect(thread.sla).toBeNull();
  });

  it('defaults the language to the asker’s own, else English', async () => {
    await test.db.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [who.member.id]);
    const { createThread } = await who.member.agent.data(CREATE_THREAD, {
      input: { spaceId: space.help, title: 'No puedo entrar', bodyMarkdown: 'Ayuda por favor' },
    });
    expect(createThread.language).toBe('es');
    const { createThread: english } = await who.asker.agent.data(CREATE_THREAD, {
      input: { spaceId: space.help, title: 'Cannot sign in', bodyMarkdown: 'Help please' },
    });
    expect(english.language).toBe('en');
  });

  it('renders a script, an event handler or a javascript: link typed in Markdown harmless, and keeps the source', async () => {
    const source =
      '<script>alert("x")</script>\n\n[win](javascript:alert(1)) <img src=x onerror="alert(1)"> <a href="https://x.test" onclick="steal()">x</a>';
    const thread = await ask(who.asker.agent, space.help, 'Script injection attempt', source);
    expect(thread.question.bodyMarkdown).toBe(source);
    expect(thread.question.bodyHtml).not.toMatch(/<script/i);
    expect(thread.question.bodyHtml).not.toMatch(/<[a-z]+\s[^>]*\son\w+=/i);
    expect(thread.question.bodyHtml).not.toMatch(/<a\s[^>]*href="javascript:/i);
    const stored = await test.db.query('SELECT body_html FROM posts WHERE id = $1', [thread.question.id]);
    expect(stored[0].body_html).toBe(thread.question.bodyHtml);
  });

  it('is for signed-in people only', async () => {
    const result = await who.visitor.request(CREATE_THREAD, {
      input: { spaceId: space.help, title: 'Anonymous question', bodyMarkdown: 'Hi' },
    });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a too short title', { title: 'Hey' }, 'title'],
    ['an oversized title', { title: 'x'.repeat(THREAD_LIMITS.title.max + 1) }, 'title'],
    ['an empty body', { bodyMarkdown: ' \n ' }, 'bodyMarkdown'],
    ['an oversized body', { bodyMarkdown: 'x'.repeat(THREAD_LIMITS.body.max + 1) }, 'bodyMarkdown'],
    ['an unknown language', { language: 'de' }, 'language'],
    ['a malformed space id', { spaceId: 'help' }, 'spaceId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, change, field) => {
    const before = await count('threads');
    const result = await who.asker.agent.request(CREATE_THREAD, {
      input: { spaceId: space.help, title: 'A fine title', bodyMarkdown: 'A fine body', ...change },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0].message).toMatch(/\w+ .*\./);
    expect(await count('threads')).toBe(before);
  });

  it('refuses an unknown space with NOT_FOUND', async () => {
    const result = await who.asker.agent.request(CREATE_THREAD, {
      input: { spaceId: '00000000-0000-4000-8000-000000000000', title: 'A fine title', bodyMarkdown: 'Body' },
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it('sends ideas to the idea box and keeps announcements for staff', async () => {
    const idea = await who.asker.agent.request(CREATE_THREAD, {
      input: { spaceId: space.ideas, title: 'Dark mode please', bodyMarkdown: 'Body' },
    });
    expect(idea.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spaceId' });
    const news = await who.asker.agent.request(CREATE_THREAD, {
      input: { spaceId: space.news, title: 'My announcement', bodyMarkdown: 'Body' },
    });
    expect(codeOf(news)).toBe('FORBIDDEN');
  });
});

describe('replying', () => {
  it('adds a reply at the end, counts it and moves the thread’s last activity', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const first = await reply(who.member.agent, thread.id, 'First idea');
    const second = await reply(who.expert.agent, thread.id, 'Second idea');
    const { thread: after } = await who.visitor.data(THREAD, { id: thread.id });
    expect(after.repliesCount).toBe(2);
    expect(after.posts.totalCount).toBe(2);
    expect(after.posts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first.id, second.id]);
    expect(new Date(after.lastActivityAt).getTime()).toBeGreaterThanOrEqual(
      new Date(second.createdAt).getTime(),
    );
  });

  it('shows staff as themselves with their role, and marks a staff reply as official', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const staffReply = await reply(who.staff.agent, thread.id, 'I am looking into it.');
    const expertReply = await reply(who.expert.agent, thread.id, 'Me too.');
    expect(staffReply).toMatchObject({
      isOfficial: true,
      author: { displayName: 'Sarah Staff', role: 'STAFF' },
    });
    expect(expertReply).toMatchObject({
      isOfficial: false,
      author: { displayName: 'Eva Expert', role: 'EXPERT' },
    });
  });

  it('refuses a reply to a locked thread with CONFLICT, and writes nothing', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await test.db.query(`UPDATE threads SET locked = true, lock_reason = 'Off-topic' WHERE id = $1`, [
      thread.id,
    ]);
    const before = await count('posts');
    const result = await who.member.agent.request(REPLY, {
      input: { threadId: thread.id, bodyMarkdown: 'Let me in' },
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors?.[0].message).toMatch(/locked \(Off-topic\): it accepts no new replies/);
    expect(await count('posts')).toBe(before);
    const { thread: seen } = await who.member.agent.data(THREAD, { id: thread.id });
    expect(seen.viewerCanReply).toBe(false);
  });

  it('refuses an unknown thread, a visitor and an empty reply', async () => {
    expect(
      codeOf(
        await who.member.agent.request(REPLY, {
          input: { threadId: '00000000-0000-4000-8000-000000000000', bodyMarkdown: 'Hi' },
        }),
      ),
    ).toBe('NOT_FOUND');
    const thread = await ask(who.asker.agent, space.help);
    expect(
      codeOf(await who.visitor.request(REPLY, { input: { threadId: thread.id, bodyMarkdown: 'Hi' } })),
    ).toBe('UNAUTHENTICATED');
    const empty = await who.member.agent.request(REPLY, { input: { threadId: thread.id, bodyMarkdown: '' } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bodyMarkdown' });
  });

  it('stops the first-response clock at the first reply by an expert or staff, not by a member', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await reply(who.member.agent, thread.id);
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.sla.firstResponseAt).toBeNull();
    const expertReply = await reply(who.expert.agent, thread.id);
    const { thread: after } = await who.visitor.data(THREAD, { id: thread.id });
    expect(after.sla.firstResponseAt).toBe(expertReply.createdAt);
    await reply(who.staff.agent, thread.id);
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.sla.firstResponseAt).toBe(
      expertReply.createdAt,
    );
  });
});

describe('editing a post', () => {
  it('lets the author edit, and keeps every earlier version for everyone to read, newest first', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Edited question', 'Version one');
    await who.asker.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'Version two' },
    });
    const { editPost } = await who.asker.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'Version **three**' },
    });
    expect(editPost).toMatchObject({
      bodyMarkdown: 'Version **three**',
      bodyHtml: '<p>Version <strong>three</strong></p>',
    });
    expect(editPost.editedAt).not.toBeNull();
    const { thread: seen } = await who.visitor.data(THREAD, { id: thread.id });
    expect(seen.question.revisions.map((r: { bodyMarkdown: string }) => r.bodyMarkdown)).toEqual([
      'Version two',
      'Version one',
    ]);
    expect(seen.question.revisions[1].writtenAt).toBe(thread.question.createdAt);
  });

  it('is refused to anyone but the author, moderators included', async () => {
    const thread = await ask(who.asker.agent, space.help);
    for (const agent of [who.member.agent, who.moderator.agent, who.staff.agent]) {
      const result = await agent.request(EDIT_POST, {
        input: { postId: thread.question.id, bodyMarkdown: 'Rewritten by someone else' },
      });
      expect(codeOf(result)).toBe('FORBIDDEN');
    }
    expect(
      codeOf(
        await who.visitor.request(EDIT_POST, { input: { postId: thread.question.id, bodyMarkdown: 'x' } }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      (await test.db.query('SELECT count(*) FROM post_revisions WHERE post_id = $1', [thread.question.id]))[0]
        .count,
    ).toBe('0');
  });

  it('is refused on a locked thread, and an unknown post is NOT_FOUND', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await test.db.query(`UPDATE threads SET locked = true WHERE id = $1`, [thread.id]);
    expect(
      codeOf(
        await who.asker.agent.request(EDIT_POST, {
          input: { postId: thread.question.id, bodyMarkdown: 'Changed' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await who.asker.agent.request(EDIT_POST, {
          input: { postId: '00000000-0000-4000-8000-000000000000', bodyMarkdown: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('accepting an answer', () => {
  it('the asker accepts a reply: the thread is ANSWERED, the answer clock stops, its author earns 15 points', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const answer = await reply(who.expert.agent, thread.id, 'Your card needs 3-D Secure.');
    const before = await reputationOf(who.expert.id);
    const { acceptAnswer } = await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect(acceptAnswer).toMatchObject({
      status: 'ANSWERED',
      acceptedAnswer: { id: answer.id, author: { displayName: 'Eva Expert' } },
    });
    expect(acceptAnswer.sla.answeredAt).not.toBeNull();
    expect(await reputationOf(who.expert.id)).toBe(before + 15);
    const { thread: seen } = await who.visitor.data(THREAD, { id: thread.id });
    expect(seen.posts.edges[0].node.isAcceptedAnswer).toBe(true);
  });

  it('refuses a member accepting an answer on someone else’s thread, and staff too', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const answer = await reply(who.expert.agent, thread.id);
    for (const agent of [who.member.agent, who.staff.agent]) {
      const result = await agent.request(ACCEPT, { input: { postId: answer.id } });
      expect(codeOf(result)).toBe('FORBIDDEN');
    }
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.status).toBe('OPEN');
  });

  it('lets an expert or a moderator mark the answer on any help thread', async () => {
    for (const marker of [who.expert, who.moderator]) {
      const thread = await ask(who.asker.agent, space.help);
      const answer = await reply(who.member.agent, thread.id);
      const { acceptAnswer } = await marker.agent.data(ACCEPT, { input: { postId: answer.id } });
      expect(acceptAnswer.status).toBe('ANSWERED');
    }
  });

  it('moves the points when the asker accepts another reply, and gives none for accepting one’s own reply', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const fromMember = await reply(who.member.agent, thread.id);
    const fromAsker = await reply(who.asker.agent, thread.id, 'Found it myself.');
    const member = await reputationOf(who.member.id);
    const asker = await reputationOf(who.asker.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: fromMember.id } });
    await who.asker.agent.data(ACCEPT, { input: { postId: fromMember.id } });
    expect(await reputationOf(who.member.id)).toBe(member + 15);
    await who.asker.agent.data(ACCEPT, { input: { postId: fromAsker.id } });
    expect(await reputationOf(who.member.id)).toBe(member);
    expect(await reputationOf(who.asker.id)).toBe(asker);
  });

  it('refuses an expert or a moderator marking their own reply, which earns them nothing; the asker still can', async () => {
    for (const marker of [who.expert, who.moderator]) {
      const thread = await ask(who.asker.agent, space.help);
      const own = await reply(marker.agent, thread.id, 'Here is my own answer.');
      const before = await reputationOf(marker.id);
      const result = await marker.agent.request(ACCEPT, { input: { postId: own.id } });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect((await who.visitor.data(THREAD, { id: thread.id })).thread.status).toBe('OPEN');
      expect(await reputationOf(marker.id)).toBe(before);
      await who.asker.agent.data(ACCEPT, { input: { postId: own.id } });
      expect(await reputationOf(marker.id)).toBe(before + 15);
    }
  });

  it('refuses accepting a reply outside help spaces (an announcement, an idea), and says so to the web app', async () => {
    const announcement = await ask(who.staff.agent, space.news, 'New opening hours', 'From Monday on.');
    const [idea] = await test.db.query(
      `WITH t AS (INSERT INTO threads (space_id, author_id, title, language) VALUES ($1, $2, 'Dark mode please', 'en') RETURNING id)
       INSERT INTO posts (thread_id, author_id, is_question, body_markdown, body_html, body_text)
       SELECT id, $2, true, 'Please', '<p>Please</p>', 'Please' FROM t RETURNING thread_id AS id`,
      [space.ideas, who.asker.id],
    );
    for (const [thread, asker] of [
      [announcement, who.staff],
      [idea, who.asker],
    ] as const) {
      const comment = await reply(who.member.agent, thread.id, 'Great news.');
      const before = await reputationOf(who.member.id);
      for (const marker of [asker, who.expert, who.moderator]) {
        const result = await marker.agent.request(ACCEPT, { input: { postId: comment.id } });
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
        const { thread: seen } = await marker.agent.data(THREAD, { id: thread.id });
        expect(seen).toMatchObject({ status: 'OPEN', acceptedAnswer: null, viewerCanAcceptAnswer: false });
      }
      expect(await reputationOf(who.member.id)).toBe(before);
    }
  });

  it('refuses a hidden reply, as marking a post answered does', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const hidden = await reply(who.member.agent, thread.id, 'Buy my course at example.com.');
    await who.moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: hidden.id, reason: 'SPAM' },
    });
    const before = await reputationOf(who.member.id);
    for (const marker of [who.asker, who.expert, who.moderator]) {
      const result = await marker.agent.request(ACCEPT, { input: { postId: hidden.id } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
    }
    expect((await who.visitor.data(THREAD, { id: thread.id })).thread.status).toBe('OPEN');
    expect(await reputationOf(who.member.id)).toBe(before);
  });

  it('refuses the question itself, an unknown post and a visitor', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const result = await who.asker.agent.request(ACCEPT, { input: { postId: thread.question.id } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
    expect(
      codeOf(
        await who.asker.agent.request(ACCEPT, { input: { postId: '00000000-0000-4000-8000-000000000000' } }),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await who.visitor.request(ACCEPT, { input: { postId: thread.question.id } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('cannot leave a thread ANSWERED without an answer, even by writing to the database directly', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await expect(
      test.db.query(`UPDATE threads SET status = 'ANSWERED' WHERE id = $1`, [thread.id]),
    ).rejects.toThrow(/threads_answered_has_answer_check/);
  });
});

describe('resolving and reopening', () => {
  it('a moderator resolves a thread and reopens it: back to ANSWERED with an answer, else OPEN', async () => {
    const answered = await ask(who.asker.agent, space.help);
    const answer = await reply(who.expert.agent, answered.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect(
      (await who.moderator.agent.data(RESOLVE, { input: { threadId: answered.id } })).resolveThread.status,
    ).toBe('RESOLVED');
    expect(
      (await who.moderator.agent.data(REOPEN, { input: { threadId: answered.id } })).reopenThread.status,
    ).toBe('ANSWERED');

    const unanswered = await ask(
      who.asker.agent,
      space.help,
      'This product is a scam',
      'Negative and unanswered.',
    );
    // A complaint is answered before it is resolved (a reply, not an accepted answer).
    await reply(who.staff.agent, unanswered.id, 'Hello, Sarah here: let us look at your order.');
    await who.moderator.agent.data(RESOLVE, { input: { threadId: unanswered.id } });
    expect(
      (await who.moderator.agent.data(REOPEN, { input: { threadId: unanswered.id } })).reopenThread.status,
    ).toBe('OPEN');
  });

  it('the asker may resolve their own thread; other members, experts and staff may not', async () => {
    const thread = await ask(who.asker.agent, space.help);
    for (const agent of [who.member.agent, who.expert.agent, who.staff.agent]) {
      expect(codeOf(await agent.request(RESOLVE, { input: { threadId: thread.id } }))).toBe('FORBIDDEN');
    }
    expect(
      (await who.asker.agent.data(RESOLVE, { input: { threadId: thread.id } })).resolveThread.status,
    ).toBe('RESOLVED');
    expect(codeOf(await who.member.agent.request(REOPEN, { input: { threadId: thread.id } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses resolving twice and reopening an unresolved thread with CONFLICT', async () => {
    const thread = await ask(who.asker.agent, space.help);
    expect(codeOf(await who.moderator.agent.request(REOPEN, { input: { threadId: thread.id } }))).toBe(
      'CONFLICT',
    );
    await who.moderator.agent.data(RESOLVE, { input: { threadId: thread.id } });
    expect(codeOf(await who.moderator.agent.request(RESOLVE, { input: { threadId: thread.id } }))).toBe(
      'CONFLICT',
    );
  });

  it('a resolved thread still accepts replies unless locked', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await who.moderator.agent.data(RESOLVE, { input: { threadId: thread.id } });
    await reply(who.member.agent, thread.id, 'Same problem here.');

    await who.moderator.agent.data(
      `mutation ($input: LockThreadInput!) { lockThread(input: $input) { id locked } }`,
      { input: { threadId: thread.id, reason: 'Settled' } },
    );
    const refused = await who.member.agent.request(REPLY, {
      input: { threadId: thread.id, bodyMarkdown: 'Still the same problem.' },
    });
    expect(codeOf(refused)).toBe('CONFLICT');
    const [{ posts }] = await test.db.query('SELECT count(*)::int AS posts FROM posts WHERE thread_id = $1', [
      thread.id,
    ]);
    expect(posts).toBe(2);
  });
});

describe('thanks', () => {
  const PROFILE = `query ($id: ID!) { user(id: $id) { reputation thanksReceived acceptedAnswers } }`;

  it('counts once per member on the post and on the author’s profile; a second call takes it back', async () => {
    const thread = await ask(who.asker.agent, space.help);
    const answer = await reply(who.expert.agent, thread.id);
    const profileBefore = (await who.visitor.data(PROFILE, { id: who.expert.id })).user;

    const { thank } = await who.asker.agent.data(THANK, { input: { postId: answer.id } });
    expect(thank).toMatchObject({
      thanksCount: 1,
      viewerHasThanked: true,
      author: { reputation: profileBefore.reputation + 2 },
    });
    await who.member.agent.data(THANK, { input: { postId: answer.id } });
    expect((await who.visitor.data(PROFILE, { id: who.expert.id })).user).toEqual({
      ...profileBefore,
      reputation: profileBefore.reputation + 4,
      thanksReceived: profileBefore.thanksReceived + 2,
    });

    const { thank: undone } = await who.asker.agent.data(THANK, { input: { postId: answer.id } });
    expect(undone).toMatchObject({
      thanksCount: 1,
      viewerHasThanked: false,
      author: { reputation: profileBefore.reputation + 2 },
    });
    const { thank: again } = await who.asker.agent.data(THANK, { input: { postId: answer.id } });
    expect(again).toMatchObject({ thanksCount: 2, viewerHasThanked: true });
  });

  it('refuses thanking one’s own post, a visitor and an unknown post', async () => {
    const thread = await ask(who.asker.agent, space.help);
    expect(codeOf(await who.asker.agent.request(THANK, { input: { postId: thread.question.id } }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await who.visitor.request(THANK, { input: { postId: thread.question.id } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      codeOf(
        await who.member.agent.request(THANK, { input: { postId: '00000000-0000-4000-8000-000000000000' } }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('holds one thanks row per member and post in the database itself', async () => {
    const thread = await ask(who.asker.agent, space.help);
    await who.member.agent.data(THANK, { input: { postId: thread.question.id } });
    await expect(
      test.db.query('INSERT INTO thanks (post_id, user_id) VALUES ($1, $2)', [
        thread.question.id,
        who.member.id,
      ]),
    ).rejects.toThrow(/thanks_post_id_user_id_key/);
  });

  it('shows accepted answers on the profile', async () => {
    const before = (await who.visitor.data(PROFILE, { id: who.member.id })).user.acceptedAnswers;
    const thread = await ask(who.asker.agent, space.help);
    const answer = await reply(who.member.agent, thread.id);
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect((await who.visitor.data(PROFILE, { id: who.member.id })).user.acceptedAnswers).toBe(before + 1);
  });
});

describe('the Markdown preview', () => {
  it('shows exactly the sanitized HTML a post will have, and refuses an oversized body', async () => {
    const { markdownPreview } = await who.visitor.data(
      `query ($md: String!) { markdownPreview(bodyMarkdown: $md) }`,
      { md: '**hi** <script>x</script>' },
    );
    expect(markdownPreview).toBe('<p><strong>hi</strong> &lt;script&gt;x&lt;/script&gt;</p>');
    const result = await who.visitor.request(`query ($md: String!) { markdownPreview(bodyMarkdown: $md) }`, {
      md: 'x'.repeat(THREAD_LIMITS.body.max + 1),
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bodyMarkdown' });
  });
});

describe('never deleting', () => {
  it('the database refuses to delete threads, posts, revisions, thanks and private follow-ups', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Something to keep');
    const answer = await reply(who.member.agent, thread.id);
    await who.member.agent.data(EDIT_POST, { input: { postId: answer.id, bodyMarkdown: 'Edited once' } });
    await who.asker.agent.data(THANK, { input: { postId: answer.id } });
    await who.staff.agent.data(
      `mutation ($input: StartPrivateFollowUpInput!) { startPrivateFollowUp(input: $input) { id } }`,
      {
        input: { threadId: thread.id, bodyMarkdown: 'Privately' },
      },
    );
    for (const table of [
      'threads',
      'posts',
      'post_revisions',
      'thanks',
      'private_follow_ups',
      'private_messages',
    ]) {
      // As the owner: the API's own role may not even try (database/runtime-role.int-spec.ts).
      await expect(test.asOwner((query) => query(`DELETE FROM ${table}`))).rejects.toThrow(/never deletes/);
      expect(await count(table)).toBeGreaterThan(0);
    }
  });
});

describe('the posting limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ POST_LIMIT_PER_MEMBER: '3', POST_LIMIT_WINDOW_SECONDS: '600' });
  });
  afterAll(() => limited.close());

  it('refuses a member’s posts beyond the limit with RATE_LIMITED, writing nothing, and never limits staff', async () => {
    const [helpSpace] = await limited.db.query(
      `INSERT INTO spaces (slug, name, kind) VALUES ('help', 'Help', 'HELP') RETURNING id`,
    );
    const crowd = await people(limited);
    const thread = await ask(crowd.asker.agent, helpSpace.id);
    await reply(crowd.asker.agent, thread.id);
    await reply(crowd.asker.agent, thread.id);
    const result = await crowd.asker.agent.request(REPLY, {
      input: { threadId: thread.id, bodyMarkdown: 'One too many' },
    });
    expect(codeOf(result)).toBe('RATE_LIMITED');
    expect(result.errors?.[0].message).toMatch(/Wait a few minutes/);
    expect(Number((await limited.db.query('SELECT count(*) FROM posts'))[0].count)).toBe(3);
    for (let i = 0; i < 4; i++) await reply(crowd.staff.agent, thread.id);
  });

  it('a reply refused for its own reasons (locked or unknown thread) uses up none of the posting budget', async () => {
    const [helpSpace] = await limited.db.query(
      `INSERT INTO spaces (slug, name, kind) VALUES ('locked-help', 'Locked help', 'HELP') RETURNING id`,
    );
    const crowd = await people(limited);
    const locked = await ask(crowd.moderator.agent, helpSpace.id);
    await crowd.moderator.agent.data(
      `mutation ($input: LockThreadInput!) { lockThread(input: $input) { id locked } }`,
      { input: { threadId: locked.id, reason: 'Too heated' } },
    );
    const replyTo = (threadId: string) =>
      crowd.member.agent.request(REPLY, { input: { threadId, bodyMarkdown: 'Me too' } });
    for (let i = 0; i < 3; i++) expect(codeOf(await replyTo(locked.id))).toBe('CONFLICT');
    expect(codeOf(await replyTo('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    const open = await ask(crowd.member.agent, helpSpace.id);
    await reply(crowd.member.agent, open.id);
    await reply(crowd.member.agent, open.id);
    expect(codeOf(await replyTo(open.id))).toBe('RATE_LIMITED');
  });
});
