import { signedInAs, useTestApp } from '../testing/test-app';

const test = useTestApp();
beforeAll(async () => {
  await test.db.query(
    `INSERT INTO spaces (slug, name, kind, position) VALUES ('ideas', 'Ideas', 'IDEAS', 2), ('help', 'Help', 'HELP', 1)`,
  );
});

describe('spaces', () => {
  it('are listed to visitors in navigation order', async () => {
    const { spaces } = await test.agent().data(`{ spaces { slug name kind } }`);
    expect(spaces.filter((s: { slug: string }) => s.slug === 'help' || s.slug === 'ideas')).toEqual([
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

describe('spaces in the reader’s language', () => {
  beforeAll(async () => {
    await test.db.query(
      `INSERT INTO spaces (slug, name, description, kind, position, language, translations)
       VALUES ('news', 'Announcements', 'News from the brand.', 'ANNOUNCEMENTS', 3, 'en',
               '{"fr": {"name": "Annonces", "description": "Les nouvelles de la marque."}}')`,
    );
  });
  const news = (agent: ReturnType<typeof test.agent>) =>
    agent.data(`{ space(slug: "news") { name description } }`).then((d) => d.space);

  it('are named and described in the language the reader asks in (Accept-Language)', async () => {
    expect(await news(test.agent().speaking('fr-FR,fr;q=0.9,en;q=0.5'))).toEqual({
      name: 'Annonces',
      description: 'Les nouvelles de la marque.',
    });
    expect(await news(test.agent().speaking('en'))).toEqual({
      name: 'Announcements',
      description: 'News from the brand.',
    });
  });

  it('fall back to the space’s own language for a language it has no text in', async () => {
    expect((await news(test.agent().speaking('es'))).name).toBe('Announcements');
    expect((await news(test.agent())).name).toBe('Announcements');
  });

  it('follow a signed-in member’s language when the request names none', async () => {
    const agent = test.agent();
    await agent.registerMember('Francophone', 'fr');
    expect((await news(agent)).name).toBe('Annonces');
    expect((await news(agent.speaking('en'))).name).toBe('Announcements');
  });

  it('hold only the languages Parvis speaks, each with a name and a description', async () => {
    const insert = (translations: string) =>
      test.db.query(
        `INSERT INTO spaces (slug, name, kind, translations) VALUES ('t-' || md5(random()::text), 'X', 'HELP', $1)`,
        [translations],
      );
    await expect(insert('{"de": {"name": "Hilfe", "description": ""}}')).rejects.toThrow(
      /spaces_translations_check/,
    );
    await expect(insert('{"fr": {"description": "sans nom"}}')).rejects.toThrow(/spaces_translations_check/);
    await expect(insert('{"fr": {"name": "", "description": ""}}')).rejects.toThrow(
      /spaces_translations_check/,
    );
    await expect(insert(`{"fr": {"name": "${'x'.repeat(81)}", "description": ""}}`)).rejects.toThrow(
      /spaces_translations_check/,
    );
    await expect(
      insert('{"fr": {"name": "Aide", "description": "Posez vos questions."}}'),
    ).resolves.toBeDefined();
    await expect(
      test.db.query(`INSERT INTO spaces (slug, name, kind, language) VALUES ('de', 'X', 'HELP', 'de')`),
    ).rejects.toThrow(/spaces_language_check/);
  });
});

describe('naming a space in a language', () => {
  const SET = `mutation ($input: SetSpaceTextsInput!) { setSpaceTexts(input: $input) { name description } }`;
  const texts = (spaceId: string, language: string, name: string) => ({
    input: { spaceId, language, name, description: `${name}, described.` },
  });

  it('is for admins: a translation, or the space’s own texts, each read in its language', async () => {
    const [{ id }] = await test.db.query(`SELECT id FROM spaces WHERE slug = 'help'`);
    const admin = await signedInAs(test, 'ADMIN');
    await admin.agent.speaking('es').data(SET, texts(id, 'es', 'Ayuda'));
    await admin.agent.speaking('en').data(SET, texts(id, 'en', 'Help and support'));
    const read = async (language: string) =>
      (await test.agent().speaking(language).data(`{ space(slug: "help") { name description } }`)).space;
    expect(await read('es')).toEqual({ name: 'Ayuda', description: 'Ayuda, described.' });
    expect(await read('en')).toEqual({
      name: 'Help and support',
      description: 'Help and support, described.',
    });
    expect((await read('fr')).name).toBe('Help and support');
  });

  it('shows what is written in each language, null where nothing is yet, with the space’s own language', async () => {
    await test.db.query(
      `INSERT INTO spaces (slug, name, description, kind, position, language)
       VALUES ('shop', 'Shop talk', 'About the shop.', 'HELP', 4, 'en')`,
    );
    const [{ id }] = await test.db.query(`SELECT id FROM spaces WHERE slug = 'shop'`);
    const admin = await signedInAs(test, 'ADMIN');
    const written = async () =>
      (await test.agent().data(`{ space(slug: "shop") { language texts { language name description } } }`))
        .space;
    expect(await written()).toEqual({
      language: 'en',
      texts: [
        { language: 'fr', name: null, description: null },
        { language: 'en', name: 'Shop talk', description: 'About the shop.' },
        { language: 'es', name: null, description: null },
      ],
    });
    await admin.agent.data(SET, texts(id, 'es', 'La tienda'));
    expect((await written()).texts[2]).toEqual({
      language: 'es',
      name: 'La tienda',
      description: 'La tienda, described.',
    });
  });

  it('refuses a name too long or empty, naming the field and the reason', async () => {
    const [{ id }] = await test.db.query(`SELECT id FROM spaces WHERE slug = 'help'`);
    const admin = await signedInAs(test, 'ADMIN');
    const long = await admin.agent.request(SET, texts(id, 'fr', 'A'.repeat(81)));
    expect(long.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
      reason: 'TOO_LONG',
      max: 80,
    });
    const empty = await admin.agent.request(SET, {
      input: { spaceId: id, language: 'fr', name: '  ', description: '' },
    });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('is refused to anyone else, and refuses a language Parvis does not speak', async () => {
    const [{ id }] = await test.db.query(`SELECT id FROM spaces WHERE slug = 'help'`);
    const moderator = await signedInAs(test, 'MODERATOR');
    const refused = await moderator.agent.request(SET, texts(id, 'fr', 'Aide'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await signedInAs(test, 'ADMIN');
    const german = await admin.agent.request(SET, texts(id, 'de', 'Hilfe'));
    expect(german.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
  });
});

describe('counting queries', () => {
  it('listing the spaces costs one SQL statement (the session lookup aside)', async () => {
    const { queries } = await test.countQueries(() => test.agent().data(`{ spaces { slug } }`));
    expect(queries.filter((q) => /FROM "spaces"/.test(q))).toHaveLength(1);
  });
});
