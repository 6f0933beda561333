import {
  GraphQLAgent,
  signedInAs,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  useTestApp,
} from '../testing/test-app';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email } }`;
const ME = `{ me { id displayName role email } }`;
const SIGN_OUT = `mutation { signOut }`;
const SET_ROLE = `mutation ($input: SetRoleInput!) { setRole(input: $input) { id role } }`;

const test = useTestApp({ SIGN_IN_LIMIT_PER_EMAIL: '3', SIGN_IN_LIMIT_PER_ADDRESS: '1000' });

/** Signs in as a request relayed by a proxy for `address` would; answers the error code, or OK. */
async function signInFrom(app: TestApp, address: string, email: string, password = TEST_PASSWORD) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({
      query: `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
      variables: { input: { email, password } },
    }),
  });
  const result = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return result.errors?.[0].extensions?.code ?? 'OK';
}

const userCount = async (email: string) =>
  Number((await test.db.query('SELECT count(*) FROM users WHERE email = $1', [email]))[0].count);

describe('registering', () => {
  it('creates a member who signs in next and sees their own e-mail (registering itself signs no one in)', async () => {
    const agent = test.agent();
    const { register } = await agent.data(REGISTER, {
      input: {
        email: '  Ana.Lopez@Example.com ',
        displayName: ' Ana López ',
        password: TEST_PASSWORD,
        locale: 'es',
      },
    });
    expect(register).toEqual({ email: 'ana.lopez@example.com' });
    expect((await agent.data(ME)).me).toBeNull();
    expect((await agent.signIn('ana.lopez@example.com')).errors).toBeUndefined();
    expect((await agent.data(ME)).me).toMatchObject({
      displayName: 'Ana López',
      role: 'MEMBER',
      email: 'ana.lopez@example.com',
    });
  });

  it('answers an address that already has an account exactly as a new one, and keeps one account', async () => {
    const fresh = await test.agent().request(REGISTER, {
      input: { email: 'twice@example.com', displayName: 'First', password: TEST_PASSWORD },
    });
    const again = await test.agent().request(REGISTER, {
      input: { email: 'TWICE@example.com', displayName: 'Second', password: 'another long passphrase' },
    });
    expect(again).toEqual(fresh);
    expect(fresh).toEqual({ data: { register: { email: 'twice@example.com' } } });
    expect(await userCount('twice@example.com')).toBe(1);
    // The first account keeps its password and name.
    expect((await test.agent().signIn('twice@example.com')).errors).toBeUndefined();
  });

  it.each([
    ['a short password', { password: 'short' }, 'password', /at least 10 characters/],
    ['an empty password', { password: '' }, 'password', /Choose a password/],
    [
      'a password equal to the e-mail',
      { email: 'same@example.com', password: 'same@example.com' },
      'password',
      /different from your e-mail/,
    ],
    ['a malformed e-mail', { email: 'not-an-email' }, 'email', /valid e-mail/],
    ['a one-letter name', { displayName: 'A' }, 'displayName', /2 to 40 characters/],
    ['an unknown language', { locale: 'de' }, 'locale', /fr, en or es/],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, and creates nothing',
    async (_case, change, field, message) => {
      const input = {
        email: 'refused@example.com',
        displayName: 'Refused',
        password: TEST_PASSWORD,
        ...change,
      };
      const result = await test.agent().request(REGISTER, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0].message).toMatch(message);
      expect(result.data).toBeNull();
      expect(await userCount(input.email.toLowerCase())).toBe(0);
    },
  );

  it('answers a request missing a required field with a request error, not an internal one', async () => {
    const result = await test
      .agent()
      .request(`mutation { register(input: { email: "x@example.com" }) { email } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('stores an argon2id hash, never the password', async () => {
    await test
      .agent()
      .data(REGISTER, { input: { email: 'hash@example.com', displayName: 'Hash', password: TEST_PASSWORD } });
    const [row] = await test.db.query('SELECT password_hash FROM users WHERE email = $1', [
      'hash@example.com',
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });
});

describe('signing in and out', () => {
  it('signs in with the right password and sets an httpOnly, SameSite cookie', async () => {
    const { email } = await test.agent().registerMember();
    const response = await fetch(`${test.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
        variables: { input: { email, password: TEST_PASSWORD } },
      }),
    });
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/parvis_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('keeps only a keyed hash of the session token in the database', async () => {
    const agent = test.agent();
    const { id } = await agent.registerMember();
    const token = decodeURIComponent(agent.sessionCookie!.split('=')[1]);
    const rows = await test.db.query('SELECT token_hash FROM sessions WHERE user_id = $1', [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token);
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const { email } = await test.agent().registerMember();
    const wrongPassword = await test.agent().signIn(email, 'not the right password');
    const unknownEmail = await test.agent().signIn('nobody-here@example.com', 'not the right password');
    expect(wrongPassword.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknownEmail.errors?.[0].message).toBe(wrongPassword.errors?.[0].message);
  });

  it('signing out revokes the session: the old cookie no longer signs anyone in', async () => {
    const agent = test.agent();
    await agent.registerMember();
    const oldCookie = agent.sessionCookie;
    expect((await agent.data(SIGN_OUT)).signOut).toBe(true);
    expect((await agent.data(ME)).me).toBeNull();
    expect((await test.agent().useCookie(oldCookie).data(ME)).me).toBeNull();
  });

  it('after three failures for one e-mail, refuses even the right password for a while (RATE_LIMITED)', async () => {
    const { email } = await test.agent().registerMember();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await test.agent().signIn(email, 'wrong password!')).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const limited = await test.agent().signIn(email);
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].message).toMatch(/Wait 15 minutes/);
    const { email: other } = await test.agent().registerMember();
    expect((await test.agent().signIn(other)).errors).toBeUndefined();
  });

  it('limits failed sign-ins per network address too, across e-mails', async () => {
    const strict = await startTestApp({ SIGN_IN_LIMIT_PER_EMAIL: '100', SIGN_IN_LIMIT_PER_ADDRESS: '2' });
    try {
      const { email } = await strict.agent().registerMember();
      await strict.agent().signIn('first-unknown@example.com', 'wrong password!');
      await strict.agent().signIn('second-unknown@example.com', 'wrong password!');
      expect((await strict.agent().signIn(email)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('counts only failures: a successful sign-in gives its attempt back', async () => {
    const { email } = await test.agent().registerMember();
    for (let attempt = 0; attempt < 2; attempt++) await test.agent().signIn(email, 'wrong password!');
    for (let success = 0; success < 3; success++)
      expect((await test.agent().signIn(email)).errors).toBeUndefined();
    expect((await test.agent().signIn(email, 'wrong password!')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await test.agent().signIn(email)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('holds the limit against simultaneous guesses: 40 at once with a limit of 10 get exactly 10 tries', async () => {
    const burst = await startTestApp({ SIGN_IN_LIMIT_PER_EMAIL: '10', SIGN_IN_LIMIT_PER_ADDRESS: '1000' });
    try {
      const { email } = await burst.agent().registerMember();
      const results = await Promise.all(
        Array.from({ length: 40 }, () => burst.agent().signIn(email, 'wrong password!')),
      );
      const codes = results.map((result) => result.errors?.[0].extensions?.code);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(30);
    } finally {
      await burst.close();
    }
  });

  it('behind a proxy (TRUST_PROXY=1) limits the client’s X-Forwarded-For address, not the proxy’s', async () => {
    const proxied = await startTestApp({
      TRUST_PROXY: '1',
      SIGN_IN_LIMIT_PER_EMAIL: '100',
      SIGN_IN_LIMIT_PER_ADDRESS: '2',
    });
    try {
      const { email } = await proxied.agent().registerMember();
      await signInFrom(proxied, '203.0.113.7', 'first-unknown@example.com', 'wrong password!');
      await signInFrom(proxied, '203.0.113.7', 'second-unknown@example.com', 'wrong password!');
      expect(await signInFrom(proxied, '203.0.113.7', email)).toBe('RATE_LIMITED');
      expect(await signInFrom(proxied, '198.51.100.20', email)).toBe('OK');
      const [session] = await proxied.db.query(
        `SELECT ip_address FROM sessions ORDER BY created_at DESC LIMIT 1`,
      );
      expect(session.ip_address).toBe('198.51.100.20');
    } finally {
      await proxied.close();
    }
  });

  it('without TRUST_PROXY, a forged X-Forwarded-For does not escape the per-address limit', async () => {
    const direct = await startTestApp({ SIGN_IN_LIMIT_PER_EMAIL: '100', SIGN_IN_LIMIT_PER_ADDRESS: '2' });
    try {
      const { email } = await direct.agent().registerMember();
      await signInFrom(direct, '203.0.113.1', 'first-unknown@example.com', 'wrong password!');
      await signInFrom(direct, '203.0.113.2', 'second-unknown@example.com', 'wrong password!');
      expect(await signInFrom(direct, '203.0.113.3', email)).toBe('RATE_LIMITED');
    } finally {
      await direct.close();
    }
  });

  it('the session lookup gives the same user as the repository, every column included, and none for a revoked or expired session', async () => {
    const sessions = test.app.get(SessionsService);
    const { id } = await test.agent().registerMember('Looked Up');
    const user = await test.db.getRepository(User).findOneByOrFail({ id });
    const { token } = await sessions.open(user, { ipAddress: null, userAgent: null });
    const found = await sessions.userFor(token);
    expect(found).toBeInstanceOf(User);
    expect({ ...found }).toEqual({ ...user });
    expect(await sessions.userFor(`${token}x`)).toBeNull();
    await sessions.revoke(token);
    expect(await sessions.userFor(token)).toBeNull();
    const expired = await sessions.open(user, { ipAddress: null, userAgent: null });
    await test.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`,
      [id],
    );
    expect(await sessions.userFor(expired.token)).toBeNull();
  });

  it('a session opened on one API process is valid on another (sessions live in PostgreSQL)', async () => {
    const secret = 'x'.repeat(40);
    const first = await startTestApp({ SESSION_SECRET: secret });
    const second = await startTestApp({ SESSION_SECRET: secret }, first.databaseUrl);
    try {
      const agent = first.agent();
      const { id } = await agent.registerMember();
      const onSecond = new GraphQLAgent(`${second.url}/graphql`).useCookie(agent.sessionCookie);
      expect((await onSecond.data(ME)).me.id).toBe(id);
      await onSecond.data(SIGN_OUT);
      expect((await agent.data(ME)).me).toBeNull();
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('refuses a cross-site style request (form content type) as a CSRF attempt', async () => {
    const response = await fetch(`${test.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: SIGN_OUT }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('profiles', () => {
  it('shows a person’s name, role and reputation to anyone, but their e-mail only to themself', async () => {
    const { id } = await test.agent().registerMember('Public Person');
    const { user } = await test
      .agent()
      .data(`query ($id: ID!) { user(id: $id) { displayName role reputation email } }`, { id });
    expect(user).toEqual({ displayName: 'Public Person', role: 'MEMBER', reputation: 0, email: null });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const query = `query ($id: ID!) { user(id: $id) { id } }`;
    const unknown = await test.agent().request(query, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await test.agent().request(query, { id: 'nope' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('roles', () => {
  it('an admin makes a member an expert', async () => {
    const admin = await signedInAs(test, 'ADMIN');
    const { id } = await test.agent().registerMember();
    expect((await admin.agent.data(SET_ROLE, { input: { userId: id, role: 'EXPERT' } })).setRole).toEqual({
      id,
      role: 'EXPERT',
    });
    expect((await test.db.query('SELECT role FROM users WHERE id = $1', [id]))[0].role).toBe('EXPERT');
  });

  it.each([
    ['a visitor', null, 'UNAUTHENTICATED'],
    ['a member', 'MEMBER', 'FORBIDDEN'],
    ['a moderator', 'MODERATOR', 'FORBIDDEN'],
  ])('%s cannot change roles', async (_who, role, code) => {
    const agent = role ? (await signedInAs(test, role)).agent : test.agent();
    const { id } = await test.agent().registerMember();
    const result = await agent.request(SET_ROLE, { input: { userId: id, role: 'ADMIN' } });
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect((await test.db.query('SELECT role FROM users WHERE id = $1', [id]))[0].role).toBe('MEMBER');
  });

  it('an admin cannot change their own role (the community must keep an admin)', async () => {
    const admin = await signedInAs(test, 'ADMIN');
    const result = await admin.agent.request(SET_ROLE, { input: { userId: admin.id, role: 'MEMBER' } });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers bad ids and unknown roles as bad input', async () => {
    const admin = await signedInAs(test, 'ADMIN');
    const badId = await admin.agent.request(SET_ROLE, { input: { userId: '42', role: 'EXPERT' } });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    const badRole = await admin.agent.request(SET_ROLE, { input: { userId: admin.id, role: 'OWNER' } });
    expect(badRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await admin.agent.request(SET_ROLE, {
      input: { userId: '00000000-0000-4000-8000-000000000000', role: 'EXPERT' },
    });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
