import { GraphQLAgent, signedInAs, TestApp, useTestApp } from './test-app';

/**
 * A small community for a test file: its API (a fresh database), the spaces, and one signed-in
 * person of each role plus a visitor.
 */
export interface People {
  asker: Person;
  member: Person;
  expert: Person;
  staff: Person;
  moderator: Person;
  visitor: GraphQLAgent;
}

export interface Person {
  agent: GraphQLAgent;
  id: string;
}

export type Spaces = Record<'help' | 'ideas' | 'news' | 'fast', string>;

export async function people(test: TestApp): Promise<People> {
  return {
    asker: await signedInAs(test, 'MEMBER', 'Ana Asker'),
    member: await signedInAs(test, 'MEMBER', 'Marc Member'),
    expert: await signedInAs(test, 'EXPERT', 'Eva Expert'),
    staff: await signedInAs(test, 'STAFF', 'Sarah Staff'),
    moderator: await signedInAs(test, 'MODERATOR', 'Malik Moderator'),
    visitor: test.agent(),
  };
}

/** The help, ideas and announcements spaces of a fresh database; returns their ids by slug. */
export async function spaces(test: TestApp): Promise<Spaces> {
  const rows: { id: string; slug: keyof Spaces }[] = await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position, first_response_minutes, answer_minutes) VALUES
       ('help', 'Help', 'HELP', 1, 60, 1440), ('ideas', 'Ideas', 'IDEAS', 2, 60, 1440),
       ('news', 'News', 'ANNOUNCEMENTS', 3, 60, 1440), ('fast', 'Priority help', 'HELP', 4, 5, 30)
     RETURNING id, slug`,
  );
  return Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Spaces;
}

/**
 * The test file's community (`useTestApp`, then `spaces` and `people`): call it at the top of the
 * file, `const { test, space, who } = useCommunity(env)`; the objects are filled in before the
 * first test runs.
 */
export function useCommunity(env: Record<string, string> = {}): {
  test: TestApp;
  space: Spaces;
  who: People;
} {
  const test = useTestApp(env);
  const space = {} as Spaces;
  const who = {} as People;
  beforeAll(async () => {
    Object.assign(space, await spaces(test));
    Object.assign(who, await people(test));
  });
  return { test, space, who };
}

type Answer = { errors?: { extensions?: { code?: string; field?: string } }[] };

/** The `extensions.code` of an answer's first error (undefined when it has none). */
export const codeOf = (result: Answer) => result.errors?.[0]?.extensions?.code;

/** The `extensions.field` of an answer's first error. */
export const fieldOf = (result: Answer) => result.errors?.[0]?.extensions?.field;
