import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it, with what the tests read decoded. */
export interface ReceivedMail {
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** How many times a client began sending a message's content (DATA), finished or not. */
  dataStarted: number;
  /** Resolves once `count` mails were received (or fails after `ms`). */
  waitForMails(count: number, ms?: number): Promise<ReceivedMail[]>;
  /** Resolves once a client began sending a message's content. */
  waitForData(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server for a test (npm `smtp-server`), on `port` or a free one. `stallData`: it
 * accepts the connection and the envelope, then never answers the message's content, as a
 * server hanging mid-send does.
 */
export async function startSmtpServer(
  options: { port?: number; stallData?: boolean } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const state = { dataStarted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      state.dataStarted += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.stallData) return; // never answers: the client waits
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ ...parseMail(raw), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const until = async (done: () => boolean, ms: number, what: string) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get dataStarted() {
      return state.dataStarted;
    },
    waitForMails: async (count, ms = 20_000) => {
      await until(() => received.length >= count, ms, `${count} mail(s), got ${received.length}`);
      return received;
    },
    waitForData: (ms = 20_000) => until(() => state.dataStarted > 0, ms, 'a DATA command'),
    stop: () =>
      new Promise<void>((resolve) => {
        // Closing waits for open connections: a stalled one is cut.
        for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections)
          connection.close();
        server.close(() => resolve());
      }),
  };
}

function parseMail(raw: string): Omit<ReceivedMail, 'to'> {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head);
  const body = rest.join('\r\n\r\n');
  const parts = { text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const sections = boundary ? body.split(`--${boundary}`) : [`${head}\r\n\r\n${body}`];
  for (const section of sections) {
    const [partHead, ...partRest] = section.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const partHeaders = parseHeaders(partHead);
    const content = decodeBody(partRest.join('\r\n\r\n'), partHeaders['content-transfer-encoding']);
    if (/text\/plain/i.test(partHeaders['content-type'] ?? '')) parts.text = content;
    if (/text\/html/i.test(partHeaders['content-type'] ?? '')) parts.html = content;
  }
  return { headers, subject: decodeWords(headers.subject ?? ''), ...parts, raw };
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBody(body: string, encoding = '7bit'): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}
