import { useTestApp } from '../testing/test-app';

const test = useTestApp();
beforeAll(async () => {
  await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position) VALUES ('ideas', 'Ideas', 'IDEAS', 2), ('help', 'Help', 'HELP', 1)`,
  );
});

describe('spaces', () => {
  it('are listed to visitors in navigation order', async () => {
    const { spaces } = await test.agent().data(`{ spaces { slug name kind } }`);
    expect(spaces).toEqual([
      { slug: 'help', name: 'Help', kind: 'HELP' },
      { slug: 'ideas', name: 'Ideas', kind: 'IDEAS' },
    ]);
  });

  it('are found by slug, and an unknown slug is NOT_FOUND', async () => {
    expect((await test.agent().data(`{ space(slug: "help") { name } }`)).space.name).toBe('Help');
    const result = await test.agent().request(`{ space(slug: "nowhere") { name } }`);
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuse a kind or a slug outside the rules in the database itself', async () => {
    await expect(
      test.db.query(`INSERT INTO spaces (slug, name, kind) VALUES ('x', 'X', 'CHAT')`),
    ).rejects.toThrow(/spaces_kind_check/);
    await expect(
      test.db.query(`INSERT INTO spaces (slug, name, kind) VALUES ('Not A Slug', 'X', 'HELP')`),
    ).rejects.toThrow(/spaces_slug_format_check/);
  });
});

describe('counting queries', () => {
  it('listing the spaces costs one SQL statement (the session lookup aside)', async () => {
    const { queries } = await test.countQueries(() => test.agent().data(`{ spaces { slug } }`));
    expect(queries.filter((q) => /FROM "spaces"/.test(q))).toHaveLength(1);
  });
});
