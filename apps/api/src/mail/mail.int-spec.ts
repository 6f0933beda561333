import { signedInAs, startTestApp, TestApp } from '../testing/test-app';
import { startSmtpServer, TestSmtpServer } from '../testing/smtp-test-server';
import { MailService } from './mail.service';

/**
 * Mail through a real SMTP server started by the test: account mails in the recipient's language,
 * an outage that loses nothing and duplicates nothing, idempotency keys, one-click unsubscribe.
 */
const FORGOT = `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const SECRET = 'a shared session secret for both processes, 32+ chars';

let smtp: TestSmtpServer;
let test: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  test = await startTestApp({
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://community.example.com',
    BRAND_NAME: 'Acme Community',
    SESSION_SECRET: SECRET,
    MAIL_SEND_TIMEOUT_SECONDS: '4',
    MAIL_RETRY_DELAY_SECONDS: '1',
    PASSWORD_RESET_LIMIT_PER_EMAIL: '50',
  });
});
afterAll(async () => {
  await test.close();
  await smtp.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
const outbox = async (address: string) =>
  test.db.query<{ id: string; status: string; attempts: number; last_error: string | null }[]>(
    `SELECT id, status, attempts, last_error FROM mail_outbox WHERE to_address = $1 ORDER BY created_at`,
    [address],
  );

async function until(done: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('Timed out.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('account mails through SMTP', () => {
  it('sends each account mail in the recipient’s language, as HTML and text, with the brand and a PUBLIC_URL link', async () => {
    const french = await test.agent().registerMember('Amélie', 'fr');
    const spanish = await test.agent().registerMember('Lucía', 'es');
    await until(() => mailsTo(french.email).length === 1 && mailsTo(spanish.email).length === 1);

    const [confirmation] = mailsTo(french.email);
    expect(confirmation.subject).toBe('Confirmez votre adresse e-mail pour Acme Community');
    expect(confirmation.text).toContain('Bonjour Amélie,');
    expect(confirmation.text).toMatch(/https:\/\/community\.example\.com\/confirm-email\?token=[\w-]{43}/);
    expect(confirmation.html).toContain('<a href="https://community.example.com/confirm-email?token=');
    expect(confirmation.html).toContain('Acme Community');
    // Account mails have no unsubscribe: they are not a list.
    expect(confirmation.headers['list-unsubscribe']).toBeUndefined();
    expect(mailsTo(spanish.email)[0].subject).toBe('Confirme su dirección de correo para Acme Community');

    await test.agent().data(FORGOT, { input: { email: spanish.email } });
    await until(() => mailsTo(spanish.email).length === 2);
    const reset = mailsTo(spanish.email)[1];
    expect(reset.subject).toBe('Elija una nueva contraseña para Acme Community');
    expect(reset.text).toMatch(/https:\/\/community\.example\.com\/reset-password\?token=[\w-]{43}/);
    expect(reset.headers['message-id']).toMatch(/^<[0-9a-f-]{36}@community\.example\.com>$/);
  });

  it('keeps no readable token in the outbox: the reset link is encrypted until sent, then forgotten', async () => {
    const { email } = await test.agent().registerMember('Sealed');
    await test.agent().data(FORGOT, { input: { email } });
    await until(() => mailsTo(email).length === 2);
    const token = /reset-password\?token=([\w-]{43})/.exec(mailsTo(email)[1].text)![1];
    const rows = await test.db.query(
      `SELECT params::text, sealed_params FROM mail_outbox WHERE to_address = $1`,
      [email],
    );
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.every((row: { sealed_params: string | null }) => row.sealed_params === null)).toBe(true);
  });
});

describe('an SMTP outage', () => {
  it('loses nothing, keeps the app working, and delivers every queued mail exactly once when SMTP is back', async () => {
    const people = await Promise.all([1, 2, 3].map((n) => test.agent().registerMember(`Outage ${n}`)));
    await until(() => people.every(({ email }) => mailsTo(email).length === 1));
    smtp.received.length = 0;

    const port = smtp.port;
    await smtp.stop();
    for (const { email } of people) await test.agent().data(FORGOT, { input: { email } });
    // Every send fails and is recorded; the jobs wait for their retry.
    await until(async () =>
      (await Promise.all(people.map(({ email }) => outbox(email)))).every((rows) =>
        rows.some((row) => row.status === 'PENDING' && row.attempts >= 1 && row.last_error !== null),
      ),
    );
    // The app keeps answering meanwhile.
    expect((await test.agent().data('{ spaces { id } }')).spaces).toEqual([]);

    smtp = await startSmtpServer({ port });
    await until(() => people.every(({ email }) => mailsTo(email).length >= 1), 30_000);
    await new Promise((r) => setTimeout(r, 3000)); // time enough for a duplicate to show up
    for (const { email } of people) {
      expect(mailsTo(email)).toHaveLength(1);
      const rows = await outbox(email);
      expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT']);
    }
    const ids = smtp.received.map((mail) => mail.headers['x-parvis-mail-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the outbox', () => {
  it('writes the same idempotency key once: one row, one job, one mail', async () => {
    const mail = test.app.get(MailService);
    const { id, email } = await test.agent().registerMember('Idempotent');
    await until(() => mailsTo(email).length === 1);
    const send = () =>
      test.db.transaction((tx) =>
        mail.enqueue(tx, {
          kind: 'NOTIFICATION',
          idempotencyKey: `test-reply:${id}`,
          to: { address: email, userId: id, locale: 'en' },
          params: {
            subject: 'A reply to your question',
            body: 'Tom answered.',
            action: 'Read it',
            path: '/t/1',
          },
          unsubscribeList: 'notifications',
        }),
      );
    const first = await send();
    const second = await send();
    expect(first.queued).toBe(true);
    expect(second).toEqual({ outboxId: first.outboxId, queued: false });
    await until(() => mailsTo(email).length === 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo(email).filter((m) => m.subject === 'A reply to your question')).toHaveLength(1);
  });

  it('writes nothing when the event’s transaction rolls back', async () => {
    const mail = test.app.get(MailService);
    await expect(
      test.db.transaction(async (tx) => {
        await mail.enqueue(tx, {
          kind: 'ACCOUNT_EXISTS',
          idempotencyKey: 'rolled-back',
          to: { address: 'nobody@example.com' },
          params: { displayName: 'Nobody' },
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await outbox('nobody@example.com')).toEqual([]);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  async function notify(userId: string, email: string, key: string) {
    return test.db.transaction((tx) =>
      test.app.get(MailService).enqueue(tx, {
        kind: 'NOTIFICATION',
        idempotencyKey: key,
        to: { address: email, userId, locale: 'fr' },
        params: { subject: 'Nouvelle réponse', body: 'Tom a répondu.', action: 'Lire', path: '/t/1' },
        unsubscribeList: 'notifications',
      }),
    );
  }

  it('works without signing in, only for the mail’s recipient, and stops their notification mails', async () => {
    const ana = await test.agent().registerMember('Ana');
    const bob = await test.agent().registerMember('Bob');
    await until(() => mailsTo(ana.email).length === 1 && mailsTo(bob.email).length === 1);
    await notify(ana.id, ana.email, `unsubscribe-test:${ana.id}`);
    await until(() => mailsTo(ana.email).length === 2);
    const mail = mailsTo(ana.email)[1];
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(https:\/\/community\.example\.com\/mail\/unsubscribe\?token=(\S+))>$/.exec(
      mail.headers['list-unsubscribe'],
    )!;
    expect(mail.text).toContain(
      `Ne plus recevoir ces e-mails: https://community.example.com/unsubscribe?token=${url[2]}`,
    );
    const oneClick = (token: string) =>
      fetch(`${test.url}/mail/unsubscribe?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });

    // Ana's token with Bob's id: refused, Bob stays subscribed.
    const forged = url[2].replace(ana.id, bob.id);
    expect((await oneClick(forged)).status).toBe(400);
    const refused = await test
      .agent()
      .request(`mutation ($input: UnsubscribeInput!) { unsubscribe(input: $input) { list } }`, {
        input: { token: forged },
      });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    // No cookie at all: the signed link is enough.
    expect((await oneClick(url[2])).status).toBe(200);
    const rows = await test.db.query(`SELECT user_id FROM mail_unsubscribes WHERE list = 'notifications'`);
    expect(rows).toEqual([{ user_id: ana.id }]);
    // A GET (a person, a link scanner) changes nothing and leads to the web page.
    const get = await fetch(`${test.url}/mail/unsubscribe?token=${url[2]}`, { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`/unsubscribe?token=${url[2]}`);

    expect(await notify(ana.id, ana.email, `unsubscribe-test-2:${ana.id}`)).toEqual({
      outboxId: null,
      queued: false,
    });
    expect((await notify(bob.id, bob.email, `unsubscribe-test:${bob.id}`)).queued).toBe(true);
  });
});

describe('the built-in mail catcher', () => {
  it('holds every mail when there is no SMTP_URL, readable by staff only', async () => {
    const catcher = await startTestApp();
    try {
      const { email } = await catcher.agent().registerMember('Caught', 'fr');
      const CAUGHT = `{ caughtMails(first: 10) { to subject text html headers { name value } } }`;
      const staff = await signedInAs(catcher, 'STAFF');
      let mails: { to: string; subject: string }[] = [];
      await until(async () => {
        mails = (await staff.agent.data(CAUGHT)).caughtMails;
        return mails.some((mail) => mail.to === email);
      });
      expect(mails.find((mail) => mail.to === email)?.subject).toBe(
        'Confirmez votre adresse e-mail pour Parvis',
      );

      const member = await signedInAs(catcher, 'MEMBER');
      expect((await member.agent.request(CAUGHT)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await catcher.agent().request(CAUGHT)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await catcher.close();
    }
  });
});
