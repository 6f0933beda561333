import { MERGE, submitIdea } from '../testing/ideas-fixtures';
import { ACCEPT, ask, EDIT_POST, reply } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';

const SEARCH = `query ($query: String!, $first: Int) { search(query: $query, first: $first) { rank titleHtml snippetHtml thread { id title language } post { id isQuestion } } }`;
const SIMILAR = `query ($title: String!, $kind: SpaceKind!) { similar(title: $title, kind: $kind) { id title status } }`;

const { test, space, who } = useCommunity();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const fr = await ask(
    who.asker.agent,
    space.help,
    'Ma carte bancaire est bloquée',
    'Depuis hier ma carte est refusée chez tous les commerçants.',
    'fr',
  );
  const frAnswer = await reply(
    who.expert.agent,
    fr.id,
    'Il faut réactiver le paiement sans contact dans l’application.',
  );
  await who.asker.agent.data(ACCEPT, { input: { postId: frAnswer.id } });
  const en = await ask(
    who.member.agent,
    space.help,
    'Refund for a damaged parcel',
    'My parcel arrived crushed. How do I get a refund?',
    'en',
  );
  const es = await ask(
    who.member.agent,
    space.help,
    'No recibo el código de verificación',
    'El SMS con el código nunca llega a mi teléfono.',
    'es',
  );
  const idea = await test.db.query(
    `WITH t AS (INSERT INTO threads (space_id, author_id, title, language) VALUES ($1, $2, 'Dark mode for the mobile app', 'en') RETURNING id)
     INSERT INTO posts (thread_id, author_id, is_question, body_markdown, body_html, body_text) SELECT id, $2, true, 'Please', '<p>Please</p>', 'Please' FROM t RETURNING thread_id`,
    [space.ideas, who.member.id],
  );
  Object.assign(ids, { fr: fr.id, frAnswer: frAnswer.id, en: en.id, es: es.id, idea: idea[0].thread_id });
});

const search = async (query: string) => (await who.visitor.data(SEARCH, { query })).search;

describe('search', () => {
  it('finds threads in their own language, whatever the accents typed', async () => {
    expect((await search('bloquee')).map((r: { thread: { id: string } }) => r.thread.id)).toEqual([ids.fr]);
    expect((await search('código')).map((r: { thread: { id: string } }) => r.thread.id)).toEqual([ids.es]);
    expect((await search('codigo')).map((r: { thread: { id: string } }) => r.thread.id)).toEqual([ids.es]);
  });

  it('stems words in the thread’s language: "refunds" finds "refund", "cartes" finds "carte"', async () => {
    expect((await search('refunds'))[0].thread.id).toBe(ids.en);
    expect((await search('cartes'))[0].thread.id).toBe(ids.fr);
  });

  it('finds replies too, and highlights the matched words in an escaped snippet', async () => {
    const [hit] = await search('réactiver sans contact');
    expect(hit.thread.id).toBe(ids.fr);
    expect(hit.post.id).toBe(ids.frAnswer);
    expect(hit.snippetHtml).toMatch(/<mark>réactiver<\/mark>/);
  });

  it('highlights title matches and ranks them above body matches', async () => {
    await ask(
      who.member.agent,
      space.help,
      'Shipping times',
      'Is a refund possible if shipping is late?',
      'en',
    );
    const results = await search('refund');
    expect(results[0].thread.id).toBe(ids.en);
    expect(results[0].titleHtml).toBe('<mark>Refund</mark> for a damaged parcel');
    expect(results).toHaveLength(2);
  });

  it('never lets markup typed in a post through a snippet', async () => {
    const thread = await ask(
      who.member.agent,
      space.help,
      'Xylophone question',
      'xylophone <img src=x onerror=alert(1)> <script>alert(2)</script>',
      'en',
    );
    const [hit] = await search('xylophone');
    expect(hit.thread.id).toBe(thread.id);
    expect(hit.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('reflects an edit', async () => {
    const thread = await ask(
      who.member.agent,
      space.help,
      'Question about a widget',
      'Original zanzibar words',
      'en',
    );
    expect((await search('zanzibar'))[0].thread.id).toBe(thread.id);
    await who.member.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'Now about timbuktu' },
    });
    expect(await search('zanzibar')).toEqual([]);
    expect((await search('timbuktu'))[0].thread.id).toBe(thread.id);
  });

  it('refuses an empty or oversized query with BAD_USER_INPUT naming it', async () => {
    for (const query of ['  ', 'x'.repeat(201)]) {
      const result = await who.visitor.request(SEARCH, { query });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    }
  });

  it('answers a query of only symbols or stop words with no result rather than an error', async () => {
    expect(await search('!!! ((')).toEqual([]);
    expect(await search('the')).toEqual([]);
  });
});

describe('similar threads while a title is typed', () => {
  it('for HELP, proposes answered threads sharing a word, not unanswered ones', async () => {
    const { similar } = await who.visitor.data(SIMILAR, { title: 'carte refusée au paiement', kind: 'HELP' });
    expect(similar.map((t: { id: string }) => t.id)).toEqual([ids.fr]);
    const { similar: none } = await who.visitor.data(SIMILAR, { title: 'parcel refund', kind: 'HELP' });
    expect(none).toEqual([]);
  });

  it('for IDEAS, proposes threads of idea spaces whatever their status', async () => {
    const { similar } = await who.visitor.data(SIMILAR, { title: 'a dark theme', kind: 'IDEAS' });
    expect(similar.map((t: { id: string }) => t.id)).toEqual([ids.idea]);
  });

  it('for IDEAS, leaves out merged ideas and ideas whose body is hidden, exactly as similarIdeas does', async () => {
    const kept = await submitIdea(who.member.agent, { title: 'Marmalade subscription boxes' });
    const merged = await submitIdea(who.asker.agent, { title: 'Marmalade subscription every month' });
    const hidden = await submitIdea(who.asker.agent, { title: 'Marmalade subscription, call me on 0611' });
    await who.moderator.agent.data(MERGE, { input: { sourceId: merged.id, intoId: kept.id } });
    const [body] = await test.db.query(
      `SELECT p.id FROM posts p JOIN ideas i ON i.thread_id = p.thread_id AND p.is_question WHERE i.id = $1`,
      [hidden.id],
    );
    await who.moderator.agent.data(`mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
      input: { postId: body.id, reason: 'PERSONAL_DATA' },
    });
    const [{ thread_id: keptThread }] = await test.db.query(`SELECT thread_id FROM ideas WHERE id = $1`, [
      kept.id,
    ]);
    for (const agent of [who.visitor, who.asker.agent, who.moderator.agent]) {
      const { similar } = await agent.data(SIMILAR, { title: 'marmalade subscription', kind: 'IDEAS' });
      expect(similar.map((t: { id: string }) => t.id)).toEqual([keptThread]);
      const { similarIdeas } = await agent.data(
        `query ($title: String!) { similarIdeas(title: $title) { id } }`,
        {
          title: 'marmalade subscription',
        },
      );
      expect(similarIdeas.map((i: { id: string }) => i.id)).toEqual([kept.id]);
    }
  });

  it('waits for a few characters before proposing anything', async () => {
    expect((await who.visitor.data(SIMILAR, { title: 'ca', kind: 'HELP' })).similar).toEqual([]);
  });
});
