import { useCommunity } from '../testing/community';
import { submitIdea, VOTE } from '../testing/ideas-fixtures';
import { GraphQLAgent, signedInAs, TEST_PASSWORD } from '../testing/test-app';
import { ask, reply, THANK } from '../testing/threads-fixtures';

const { test, space, who } = useCommunity();

const CLOSE = `mutation ($input: CloseAccountInput!) { closeAccount(input: $input) }`;
const USER = `query ($id: ID!) { user(id: $id) { id displayName closed email } }`;

async function download(agent: GraphQLAgent): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${test.url}/me/export.json`, {
    headers: agent.sessionCookie ? { cookie: agent.sessionCookie } : {},
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

describe('downloading your data', () => {
  it('gives a member everything they wrote and everything stored about them, and nothing private of others', async () => {
    const me = await signedInAs(test, 'MEMBER', 'Dora Download');
    const thread = await ask(me.agent, space.help, 'My own question, in my export', 'My own words.');
    const othersThread = await ask(who.asker.agent, space.help, 'Someone else’s question', 'Not mine.');
    const myReply = await reply(me.agent, othersThread.id, 'My reply to someone else.');
    await reply(who.member.agent, thread.id, 'Someone else’s reply to me.');
    await me.agent.data(THANK, { input: { postId: othersThread.question.id } });
    const idea = await submitIdea(who.asker.agent);
    await me.agent.data(VOTE, { input: { ideaId: idea.id } });

    const { status, headers, body } = await download(me.agent);
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="parvis-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.account).toMatchObject({ id: me.id, email: me.email, display_name: 'Dora Download' });
    expect(body.threads.map((t: { title: string }) => t.title)).toEqual(['My own question, in my export']);
    expect(body.posts.map((p: { body_markdown: string }) => p.body_markdown).sort()).toEqual(
      ['My own words.', 'My reply to someone else.'].sort(),
    );
    expect(body.posts.map((p: { id: string }) => p.id)).toContain(myReply.id);
    expect(body.votes).toHaveLength(1);
    expect(body.thanksGiven).toHaveLength(1);
    expect(body.sessions.length).toBeGreaterThan(0);
    expect(body.notifications.length).toBeGreaterThan(0); // the reply to their question
    expect(body.follows.length).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    expect(text).not.toContain('Someone else’s reply to me.');
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('token_hash');
    const [asker] = await test.db.query(`SELECT email FROM users WHERE id = $1`, [who.asker.id]);
    expect(text).not.toContain(asker.email);
  });

  it('is refused to a visitor', async () => {
    const response = await fetch(`${test.url}/me/export.json`);
    expect(response.status).toBe(401);
  });
});

describe('closing an account', () => {
  it('erases the person and keeps what they wrote, signed "Former member", and the log names no one', async () => {
    const leaving = await signedInAs(test, 'MEMBER', 'Lena Leaving');
    const thread = await ask(leaving.agent, space.help, 'A question that outlives its author', 'Kept words.');
    const cookie = leaving.agent.sessionCookie;

    const wrong = await leaving.agent.request(CLOSE, { input: { password: 'not my password' } });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const closed = await leaving.agent.data(CLOSE, { input: { password: TEST_PASSWORD } });
    expect(closed.closeAccount).toBe(leaving.id);

    // Signed out everywhere: the old cookie opens nothing, the old password and address sign in no one.
    expect((await test.agent().useCookie(cookie).data(`{ me { id } }`)).me).toBeNull();
    expect((await test.agent().signIn(leaving.email)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const { user } = await who.member.agent.data(USER, { id: leaving.id });
    expect(user).toEqual({ id: leaving.id, displayName: 'Former member', closed: true, email: null });
    const [row] = await test.db.query(
      `SELECT email, locale, email_confirmed_at, closed_at FROM users WHERE id = $1`,
      [leaving.id],
    );
    expect(row.email).toBe(`closed-${leaving.id}@invalid`);
    expect(row.closed_at).not.toBeNull();
    const sessions = await test.db.query(
      `SELECT revoked_at, ip_address, user_agent FROM sessions WHERE user_id = $1`,
      [leaving.id],
    );
    expect(sessions.every((s: any) => s.revoked_at && !s.ip_address && !s.user_agent)).toBe(true);
    const mails = await test.db.query(`SELECT to_address FROM mail_outbox WHERE recipient_user_id = $1`, [
      leaving.id,
    ]);
    expect(mails.map((m: { to_address: string }) => m.to_address)).not.toContain(leaving.email);

    // The question stays, its author now the former member.
    const posts = await test.db.query(`SELECT body_markdown FROM posts WHERE id = $1`, [thread.question.id]);
    expect(posts).toEqual([{ body_markdown: 'Kept words.' }]);

    const [entry] = await test.db.query(
      `SELECT actor_id, target_id, details FROM moderation_actions WHERE action = 'ACCOUNT_CLOSED' AND target_id = $1`,
      [leaving.id],
    );
    expect(entry).toEqual({ actor_id: leaving.id, target_id: leaving.id, details: { by: 'SELF' } });
    expect(JSON.stringify(entry)).not.toContain('Lena');

    // No one to mention any more.
    const { members } = await who.member.agent.data(`{ members(prefix: "Former") { id } }`);
    expect(members.map((m: { id: string }) => m.id)).not.toContain(leaving.id);
  });

  it('lets an admin close someone’s account on their request, and no one else', async () => {
    const admin = await signedInAs(test, 'ADMIN', 'Ada Admin');
    const asking = await signedInAs(test, 'MEMBER', 'Rita Request');

    for (const agent of [who.moderator.agent, who.member.agent]) {
      const refused = await agent.request(CLOSE, { input: { userId: asking.id } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await who.visitor.request(CLOSE, { input: { userId: asking.id } })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');

    await admin.agent.data(CLOSE, { input: { userId: asking.id } });
    expect((await asking.agent.data(`{ me { id } }`)).me).toBeNull();
    const [entry] = await test.db.query(
      `SELECT actor_id, details FROM moderation_actions WHERE action = 'ACCOUNT_CLOSED' AND target_id = $1`,
      [asking.id],
    );
    expect(entry).toEqual({ actor_id: admin.id, details: { by: 'ADMIN' } });

    const again = await admin.agent.request(CLOSE, { input: { userId: asking.id } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
