import { signedInAs, startTestApp, TEST_PASSWORD, TestApp } from '../testing/test-app';

/** Account e-mails, read from the built-in catcher (no SMTP_URL): the links and what they do. */
const FORGOT = `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { user { id } } }`;
const CONFIRM = `mutation ($input: ConfirmEmailInput!) { confirmEmail(input: $input) { email } }`;
const CHANGE = `mutation ($input: ChangeEmailInput!) { changeEmail(input: $input) { email } }`;
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email } }`;
const ME = `{ me { id email } }`;

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({ REGISTER_LIMIT_PER_EMAIL: '2', PASSWORD_RESET_LIMIT_PER_EMAIL: '3' });
});
afterAll(() => test.close());

async function mailsTo(address: string, count: number): Promise<{ subject: string; text: string }[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await test.db.query(
      // In the order they were caused (queued), whatever order a worker's batch sent them in.
      `SELECT c.subject, c.text FROM caught_mails c JOIN mail_outbox o ON o.id = c.outbox_id
        WHERE c.to_address = $1 ORDER BY o.created_at, o.id`,
      [address],
    );
    if (rows.length >= count) return rows;
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} mail(s) to ${address}, got ${rows.length}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const tokenIn = (text: string) => /token=([\w-]{43})/.exec(text)![1];

describe('forgot password', () => {
  it('mails a single-use link; the reset signs this browser in and every other session out', async () => {
    const phone = test.agent();
    const { id, email } = await phone.registerMember('Forgetful');
    const laptop = test.agent();
    await laptop.signIn(email);
    expect((await laptop.data(ME)).me.id).toBe(id);

    expect(await test.agent().data(FORGOT, { input: { email } })).toEqual({ requestPasswordReset: true });
    const [, reset] = await mailsTo(email, 2);
    expect(reset.subject).toBe('Choose a new password for Parvis');
    const token = tokenIn(reset.text);

    const browser = test.agent();
    const weak = await browser.request(RESET, { input: { token, password: 'short' } });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    // A refused password leaves the link usable.
    expect(
      (await browser.data(RESET, { input: { token, password: 'a brand new passphrase' } })).resetPassword.user
        .id,
    ).toBe(id);
    expect((await browser.data(ME)).me.id).toBe(id);
    expect((await phone.data(ME)).me).toBeNull();
    expect((await laptop.data(ME)).me).toBeNull();
    expect((await test.agent().signIn(email)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await test.agent().signIn(email, 'a brand new passphrase')).errors).toBeUndefined();

    const again = await test.agent().request(RESET, { input: { token, password: 'yet another passphrase' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(again.errors?.[0].message).toMatch(/expired or was already used/);
    // Only the hash is stored.
    const stored = await test.db.query(`SELECT token_hash FROM account_tokens WHERE user_id = $1`, [id]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses an expired link', async () => {
    const { email } = await test.agent().registerMember('Late');
    await test.agent().data(FORGOT, { input: { email } });
    const [, reset] = await mailsTo(email, 2);
    await test.db.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'PASSWORD_RESET'
       AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    const late = await test
      .agent()
      .request(RESET, { input: { token: tokenIn(reset.text), password: 'a late passphrase' } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('answers the same for an unknown address, sends nothing, and is rate-limited per address', async () => {
    expect(await test.agent().data(FORGOT, { input: { email: 'nobody@example.com' } })).toEqual({
      requestPasswordReset: true,
    });
    for (let i = 0; i < 2; i += 1)
      await test.agent().data(FORGOT, { input: { email: 'nobody@example.com' } });
    const limited = await test.agent().request(FORGOT, { input: { email: 'nobody@example.com' } });
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(await test.db.query(`SELECT 1 FROM mail_outbox WHERE to_address = 'nobody@example.com'`)).toEqual(
      [],
    );
  });
});

describe('registering', () => {
  it('answers the same for a new and an existing address; the owner of the existing one is told by e-mail', async () => {
    const input = (displayName: string) => ({
      email: 'owner@example.com',
      displayName,
      password: TEST_PASSWORD,
      locale: 'es',
    });
    const first = await test.agent().request(REGISTER, { input: input('Owner') });
    const second = await test.agent().request(REGISTER, { input: input('Intruder') });
    expect(second).toEqual(first);
    const [confirm, exists] = await mailsTo('owner@example.com', 2);
    expect(confirm.subject).toBe('Confirme su dirección de correo para Parvis');
    expect(exists.subject).toBe('Ya tiene una cuenta de Parvis');
    expect(exists.text).toContain('Hola Owner:');
    expect(exists.text).toContain('/forgot-password');
    // The limit per address applies to both alike.
    const third = await test.agent().request(REGISTER, { input: input('Again') });
    expect(third.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('confirms the address with the mailed link, once', async () => {
    const { id, email } = await test.agent().registerMember('Confirming');
    const [confirm] = await mailsTo(email, 1);
    const confirmed = async () =>
      (await test.db.query(`SELECT email_confirmed_at FROM users WHERE id = $1`, [id]))[0].email_confirmed_at;
    expect(await confirmed()).toBeNull();
    expect(await test.agent().data(CONFIRM, { input: { token: tokenIn(confirm.text) } })).toEqual({
      confirmEmail: { email },
    });
    expect(await confirmed()).not.toBeNull();
    const again = await test.agent().request(CONFIRM, { input: { token: tokenIn(confirm.text) } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });
});

describe('the way back through the confirmation link', () => {
  const signUp = (email: string, returnTo: string) =>
    test.agent().data(REGISTER, {
      input: { email, displayName: 'Coming back', password: TEST_PASSWORD, locale: 'en', returnTo },
    });
  const linkIn = (text: string) => /https?:\/\/\S*\/confirm-email\?\S+/.exec(text)![0];

  it('leads back to the page of this site the person signed up from', async () => {
    await signUp('back@example.com', '/t/0b6f6c1e-7a51-4c53-9a49-8a6a3f6f7d10?sort=old#reply');
    const [confirm] = await mailsTo('back@example.com', 1);
    const link = new URL(linkIn(confirm.text));
    expect(link.pathname).toBe('/confirm-email');
    expect(link.searchParams.get('returnTo')).toBe('/t/0b6f6c1e-7a51-4c53-9a49-8a6a3f6f7d10?sort=old#reply');
    // The address does not end at the path's own `#`: it is encoded inside the query.
    expect(link.hash).toBe('');
    expect(link.searchParams.get('token')).toBe(tokenIn(confirm.text));
  });

  it.each([
    ['another site, protocol-relative', '//evil.example/t/1', 'evil1@example.com'],
    ['another site, absolute', 'https://evil.example/t/1', 'evil2@example.com'],
    ['a backslash read as a slash', '/\\evil.example', 'evil3@example.com'],
    ['a script', 'javascript:alert(1)', 'evil4@example.com'],
    ['the sign-in page (a loop)', '/sign-in?returnTo=%2Ft%2F1', 'evil5@example.com'],
  ])('drops %s: the link leads home, and sign-up still goes through', async (_case, returnTo, email) => {
    expect(await signUp(email, returnTo)).toEqual({ register: { email } });
    const [confirm] = await mailsTo(email, 1);
    const link = new URL(linkIn(confirm.text));
    expect([...link.searchParams.keys()]).toEqual(['token']);
    expect(confirm.text).not.toContain('evil');
  });
});

describe('changing the e-mail address', () => {
  it('takes effect only once the new address confirms it', async () => {
    const { agent, email } = await signedInAs(test, 'MEMBER', 'Mover');
    const wrong = await agent.request(CHANGE, {
      input: { newEmail: 'moved@example.com', password: 'not it at all' },
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      await agent.data(CHANGE, { input: { newEmail: 'Moved@Example.com', password: TEST_PASSWORD } }),
    ).toEqual({
      changeEmail: { email: 'moved@example.com' },
    });
    expect((await agent.data(ME)).me.email).toBe(email);
    const [confirm] = await mailsTo('moved@example.com', 1);
    expect(confirm.subject).toBe('Confirm your new e-mail address for Parvis');
    await test.agent().data(CONFIRM, { input: { token: tokenIn(confirm.text) } });
    expect((await agent.data(ME)).me.email).toBe('moved@example.com');
    expect((await test.agent().signIn('moved@example.com')).errors).toBeUndefined();
  });
});
