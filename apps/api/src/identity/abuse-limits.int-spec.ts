import { GraphQLAgent, startTestApp, TEST_PASSWORD, TestApp } from '../testing/test-app';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`;

let app: TestApp;
/** Members who signed in from the test's address before anyone attacked from it. */
const owners: Record<'ana' | 'ben' | 'cleo' | 'dan', { agent: GraphQLAgent; email: string }> = {} as never;
beforeAll(async () => {
  // Windows of a day: a window turning mid-test would reset the counts.
  app = await startTestApp({
    SIGN_IN_LIMIT_PER_EMAIL: '3',
    SIGN_IN_LIMIT_PER_ADDRESS: '4',
    SIGN_IN_LIMIT_WINDOW_SECONDS: '86400',
  });
  for (const name of ['ana', 'ben', 'cleo', 'dan'] as const) {
    const agent = app.agent();
    owners[name] = { agent, email: (await agent.registerMember(`${name} Owner`)).email };
  }
  // Then someone at the same address tries passwords on many accounts, up to the address's limit.
  for (const target of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) {
    expect(codeOf(await signIn(app.agent(), target, 'guess guess guess'))).toBe('UNAUTHENTICATED');
  }
});
afterAll(() => app.close());

const signIn = (agent: GraphQLAgent, email: string, password = TEST_PASSWORD) =>
  agent.request(SIGN_IN, { input: { email, password } });
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0].extensions?.code ?? 'OK';

describe('sign-in limits, from one network address shared by an attacker and the community', () => {
  it('an attacker trying many accounts locks the address for new browsers, not for owners who signed in there before', async () => {
    // Ana and Ben signed in from this address before (their browsers keep the device cookie).
    const { agent: ana, email: anaEmail } = owners.ana;
    const { agent: ben, email: benEmail } = owners.ben;
    await ana.data(`mutation { signOut }`);

    const refused = await signIn(app.agent(), benEmail);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions).toMatchObject({
      reason: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });

    // The owners' own browsers still get in with their right password.
    expect(codeOf(await signIn(ana, anaEmail))).toBe('OK');
    expect(codeOf(await signIn(ben, benEmail))).toBe('OK');
    // …but a browser that signed in as Ana proves nothing for Ben's account.
    expect(codeOf(await signIn(ana, benEmail))).toBe('RATE_LIMITED');
  });

  it('a known browser still cannot guess: the per-(e-mail, address) limit holds for it too', async () => {
    const { agent: owner, email } = owners.cleo;
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(codeOf(await signIn(owner, email, 'wrong password!'))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signIn(owner, email))).toBe('RATE_LIMITED');
  });

  it('a forged device cookie is no proof', async () => {
    const { email } = owners.dan;
    const forger = app.agent().useCookie('parvis_device=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(codeOf(await signIn(forger, email))).toBe('RATE_LIMITED');
  });
});

describe('sign-up limits', () => {
  it('limits sign-ups per network address, and still answers "check your inbox" for an address that has an account', async () => {
    const strict = await startTestApp({
      REGISTER_LIMIT_PER_ADDRESS: '3',
      REGISTER_LIMIT_WINDOW_SECONDS: '604800',
    });
    try {
      const register = (email: string) =>
        strict.agent().request(REGISTER, {
          input: { email, displayName: 'Someone New', password: TEST_PASSWORD },
        });
      const first = await register('eva@example.com');
      const again = await register('eva@example.com');
      expect(first.data).toEqual({ register: { email: 'eva@example.com' } });
      expect(again.data).toEqual(first.data);
      expect(codeOf(await register('fay@example.com'))).toBe('OK');
      const refused = await register('gus@example.com');
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
      const [{ count }] = await strict.db.query(`SELECT count(*)::int AS count FROM users`);
      expect(count).toBe(2);
    } finally {
      await strict.close();
    }
  });
});
