import { ACCEPT, ask, EDIT_POST, reply } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';

const { test, space, who } = useCommunity({ POST_LIMIT_PER_MEMBER: '1000' });

const SEARCH = `query ($query: String!) { search(query: $query, first: 5) { thread { id } } }`;
const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const RESTORE = `mutation ($input: ModeratePostInput!) { restorePost(input: $input) { id } }`;
const hide = (postId: string) =>
  who.moderator.agent.data(HIDE, { input: { postId, reason: 'PERSONAL_DATA' } });
const restore = (postId: string) => who.moderator.agent.data(RESTORE, { input: { postId } });

/**
 * Where a word is in a thread's search rows: in `head` (title and question), in the document with
 * weight A (title) or B (question, accepted answer), or in the replies' chunks with weight D.
 */
async function whereIs(threadId: string, word: string) {
  const [row] = await test.db.query(
    `SELECT d.head @@ q AS head, ts_filter(d.document, '{a}') @@ q AS a, ts_filter(d.document, '{b}') @@ q AS b,
            EXISTS (SELECT 1 FROM thread_search_replies r WHERE r.thread_id = d.thread_id AND ts_filter(r.vector, '{d}') @@ q) AS d
       FROM thread_search_documents d, plainto_tsquery('parvis_english', $2) q WHERE d.thread_id = $1`,
    [threadId, word],
  );
  return row as { head: boolean; a: boolean; b: boolean; d: boolean };
}
/** The thread's reply chunks, in order: how many replies each holds. */
async function chunks(threadId: string): Promise<number[]> {
  const rows = await test.db.query(
    `SELECT replies FROM thread_search_replies WHERE thread_id = $1 ORDER BY chunk`,
    [threadId],
  );
  return rows.map((r: { replies: number }) => r.replies);
}
const nowhere = { head: false, a: false, b: false, d: false };

describe('a thread’s search document, kept by triggers', () => {
  it('holds the title (A) and the question (B) in its head, appends replies (D), and moves the accepted answer to B', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Kettle whistles', 'My kettle hums at night.');
    expect(await whereIs(thread.id, 'kettle')).toEqual({ head: true, a: true, b: true, d: false });
    expect(await whereIs(thread.id, 'hums')).toEqual({ head: true, a: false, b: true, d: false });
    const answer = await reply(who.expert.agent, thread.id, 'Descale the heating element.');
    await reply(who.member.agent, thread.id, 'Mine squeaks too.');
    expect(await whereIs(thread.id, 'descale')).toEqual({ head: false, a: false, b: false, d: true });
    expect(await whereIs(thread.id, 'squeaks')).toEqual({ head: false, a: false, b: false, d: true });
    await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
    expect(await whereIs(thread.id, 'descale')).toEqual({ head: false, a: false, b: true, d: false });
    expect(await whereIs(thread.id, 'squeaks')).toEqual({ head: false, a: false, b: false, d: true });
  });

  it('follows edits of the question and of replies, and of the title', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Lamp flickers',
      'The lamp flickers with amber light.',
    );
    const answer = await reply(who.member.agent, thread.id, 'Check the dimmer switch.');
    await who.asker.agent.data(EDIT_POST, {
      input: { postId: thread.question.id, bodyMarkdown: 'The lamp flickers with violet light.' },
    });
    await who.member.agent.data(EDIT_POST, { input: { postId: answer.id, bodyMarkdown: 'Check the fuse.' } });
    expect(await whereIs(thread.id, 'amber')).toEqual(nowhere);
    expect(await whereIs(thread.id, 'violet')).toEqual({ head: true, a: false, b: true, d: false });
    expect(await whereIs(thread.id, 'dimmer')).toEqual(nowhere);
    expect(await whereIs(thread.id, 'fuse')).toEqual({ head: false, a: false, b: false, d: true });
    await test.db.query(`UPDATE threads SET title = 'Bulb flickers' WHERE id = $1`, [thread.id]);
    expect(await whereIs(thread.id, 'bulb')).toEqual({ head: true, a: true, b: false, d: false });
  });

  it('drops a hidden reply’s text and takes it back when restored', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Heater noise', 'The heater clanks.');
    const post = await reply(who.member.agent, thread.id, 'Call Zebulon on 0612345678.');
    expect((await whereIs(thread.id, 'zebulon')).d).toBe(true);
    await hide(post.id);
    expect(await whereIs(thread.id, 'zebulon')).toEqual(nowhere);
    expect(await whereIs(thread.id, '0612345678')).toEqual(nowhere);
    expect(await whereIs(thread.id, 'clanks')).toEqual({ head: true, a: false, b: true, d: false });
    await restore(post.id);
    expect(await whereIs(thread.id, 'zebulon')).toEqual({ head: false, a: false, b: false, d: true });
  });

  it('empties the whole document while the question is hidden (a reply written meanwhile too), and rebuilds it when restored', async () => {
    const thread = await ask(
      who.asker.agent,
      space.help,
      'Quentin sells xylophones',
      'Mail quentin@example.com.',
    );
    await reply(who.member.agent, thread.id, 'Marimbas are cheaper.');
    await hide(thread.question.id);
    await reply(who.member.agent, thread.id, 'Glockenspiels too.');
    const [empty] = await test.db.query(
      `SELECT head::text, document::text FROM thread_search_documents WHERE thread_id = $1`,
      [thread.id],
    );
    expect(empty).toEqual({ head: '', document: '' });
    expect(await chunks(thread.id)).toEqual([0]); // emptied, not deleted
    await restore(thread.question.id);
    expect((await whereIs(thread.id, 'quentin')).a).toBe(true);
    expect((await whereIs(thread.id, 'marimbas')).d).toBe(true);
    expect((await whereIs(thread.id, 'glockenspiels')).d).toBe(true);
  });

  it('holds the first 200 visible replies in chunks of ten, whether appended one by one or rebuilt', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A very long thread', 'Say a word each.');
    await test.db.query(
      `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text, created_at)
       SELECT $1, $2, 'word' || g, '<p>word' || g || '</p>', 'lexeme' || g, now() + g * interval '1 second'
         FROM generate_series(1, 205) g ORDER BY g`,
      [thread.id, who.member.id],
    );
    expect(await chunks(thread.id)).toEqual(Array(20).fill(10));
    expect((await whereIs(thread.id, 'lexeme200')).d).toBe(true);
    expect((await whereIs(thread.id, 'lexeme201')).d).toBe(false);
    // The chunks keep the replies' order: the first ten in the first chunk.
    const [first10] = await test.db.query(
      `SELECT vector @@ 'lexeme1'::tsquery AND vector @@ 'lexeme10'::tsquery AND NOT vector @@ 'lexeme11'::tsquery AS ok
         FROM thread_search_replies WHERE thread_id = $1 AND chunk = 0`,
      [thread.id],
    );
    expect(first10.ok).toBe(true);
    // Hiding one of the first 200 lets the 201st in, on the rebuild.
    const [first] = await test.db.query(
      `SELECT id FROM posts WHERE thread_id = $1 AND body_text = 'lexeme1'`,
      [thread.id],
    );
    await hide(first.id);
    expect(await chunks(thread.id)).toEqual(Array(20).fill(10));
    expect((await whereIs(thread.id, 'lexeme1')).d).toBe(false);
    expect((await whereIs(thread.id, 'lexeme201')).d).toBe(true);
  });

  it('starts the next chunk when the last one is full, and a reply after a rebuild goes on from there', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Counting sheep', 'One sheep each.');
    for (let n = 1; n <= 12; n += 1) await reply(who.member.agent, thread.id, `Sheep number${n}.`);
    expect(await chunks(thread.id)).toEqual([10, 2]);
    const [second] = await test.db.query(
      `SELECT id FROM posts WHERE thread_id = $1 AND body_text = 'Sheep number2.'`,
      [thread.id],
    );
    await hide(second.id);
    expect(await chunks(thread.id)).toEqual([10, 1]);
    await reply(who.member.agent, thread.id, 'Sheep number13.');
    expect(await chunks(thread.id)).toEqual([10, 2]);
    expect((await whereIs(thread.id, 'number13')).d).toBe(true);
    expect((await whereIs(thread.id, 'number2')).d).toBe(false);
  });

  it('finds a thread by a reply in a later chunk, and ranks it as its whole text in one document', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Garden hose leaks', 'The hose leaks at the tap.');
    for (let n = 1; n <= 12; n += 1) {
      const text = n === 12 ? 'Try a zinnia washer: hose washers wear out.' : `Reply ${n} about the hose.`;
      await reply(who.member.agent, thread.id, text);
    }
    expect(await chunks(thread.id)).toEqual([10, 2]);
    const found = await who.visitor.data(SEARCH, { query: 'zinnia' });
    expect(found.search.map((r: { thread: { id: string } }) => r.thread.id)).toEqual([thread.id]);
    // Search ranks the document followed by the chunks: the rank of title, question and every reply in one.
    const [rank] = await test.db.query(
      `SELECT ts_rank(d.document || (SELECT parvis_tsvector_agg(r.vector ORDER BY r.chunk) FROM thread_search_replies r
                                      WHERE r.thread_id = d.thread_id), q) AS chunked,
              ts_rank(d.document || setweight((SELECT parvis_tsvector_agg(p.search_vector ORDER BY p.created_at, p.id)
                                                 FROM posts p WHERE p.thread_id = d.thread_id AND NOT p.is_question), 'D'), q) AS whole
         FROM thread_search_documents d, plainto_tsquery('parvis_english', 'hose washer') q WHERE d.thread_id = $1`,
      [thread.id],
    );
    expect(rank.chunked).toBeGreaterThan(0);
    expect(rank.chunked).toBe(rank.whole);
  });

  it('indexes every one of many replies written to one thread at the same moment, and fails none', async () => {
    const thread = await ask(who.asker.agent, space.help, 'Crowded thread', 'Everyone answers at once.');
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        test.db.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text)
             VALUES ($1, $2, $3, $3, $3)`,
            [thread.id, who.member.id, `crowd${n + 1}`],
          );
          // Held open a moment, so that the others queue on the chunk they all append to.
          await manager.query(`SELECT pg_sleep(0.01)`);
        }),
      ),
    );
    expect((await chunks(thread.id)).reduce((sum, n) => sum + n, 0)).toBe(24);
    for (let n = 1; n <= 24; n += 1) expect((await whereIs(thread.id, `crowd${n}`)).d).toBe(true);
  });
});
