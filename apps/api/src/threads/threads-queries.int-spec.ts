import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { encodeCursor } from '../common/pagination';
import { User } from '../identity/user.entity';
import { useCommunity } from '../testing/community';
import { ask, reply, THREAD } from '../testing/threads-fixtures';
import { webOperation } from '../testing/web-operations';
import { Post } from './post.entity';
import { Thread } from './thread.entity';
import { ThreadsArgs } from './thread.type';
import { lockThreadRow } from './thread-lock';
import { threadPageRows, threadRow, threadsPage } from './threads.queries';

const { test, space, who } = useCommunity();

/**
 * A thread with `replies` replies written straight into the database (the API's rate limit and
 * speed are not what is measured here) by 12 different people, every third reply edited once
 * and thanked by the reader, and the 10th reply accepted as the answer.
 */
async function threadWith(replies: number): Promise<string> {
  const authors = [who.asker.id, who.member.id, who.expert.id, who.staff.id, who.moderator.id];
  for (let i = 0; i < 7; i++) authors.push((await test.agent().registerMember(`Crowd ${i}`)).id);
  const [thread] = await test.db.query(
    `INSERT INTO threads (space_id, author_id, title, language) VALUES ($1, $2, $3, 'en') RETURNING id`,
    [space.help, who.asker.id, `A thread with ${replies} replies`],
  );
  await test.db.query(
    `INSERT INTO posts (thread_id, author_id, is_question, body_markdown, body_html, body_text) VALUES ($1, $2, true, 'Q', '<p>Q</p>', 'Q')`,
    [thread.id, who.asker.id],
  );
  await test.db.query(
    `INSERT INTO posts (thread_id, author_id, body_markdown, body_html, body_text, created_at, edited_at, thanks_count)
     SELECT $1, ($2::uuid[])[1 + i % 12], 'Reply ' || i, '<p>Reply ' || i || '</p>', 'Reply ' || i,
            now() - interval '1 day' + i * interval '1 second', CASE WHEN i % 3 = 0 THEN now() END, CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END
       FROM generate_series(1, $3::int) AS i`,
    [thread.id, authors, replies],
  );
  await test.db.query(
    `INSERT INTO post_revisions (post_id, body_markdown, body_html, written_at, editor_id)
     SELECT id, 'Before', '<p>Before</p>', created_at, author_id FROM posts WHERE thread_id = $1 AND edited_at IS NOT NULL`,
    [thread.id],
  );
  await test.db.query(
    `INSERT INTO thanks (post_id, user_id) SELECT id, $2 FROM posts WHERE thread_id = $1 AND thanks_count = 1`,
    [thread.id, who.member.id],
  );
  await test.db.query(
    `UPDATE threads SET replies_count = $2, status = 'ANSWERED',
            accepted_answer_id = (SELECT id FROM posts WHERE thread_id = $1 AND body_markdown = 'Reply 10') WHERE id = $1`,
    [thread.id, replies],
  );
  return thread.id;
}

describe('the thread page', () => {
  it('costs the same small number of SQL statements for 20 and for 200 replies (no N+1)', async () => {
    const small = await threadWith(20);
    const large = await threadWith(200);
    // The page as the web app asks for it: question, accepted answer, replies with authors,
    // revisions, thanks state and accepted flags, as a signed-in member (so thanks are looked up).
    const page = `query ($id: ID!) { thread(id: $id) { id title space { name } author { displayName }
      question { id bodyHtml author { displayName role } revisions { bodyHtml } viewerHasThanked }
      acceptedAnswer { id bodyHtml author { displayName role } }
      privateFollowUp { agent { displayName } }
      posts(first: 100) { totalCount edges { node { id bodyHtml isOfficial thanksCount isAcceptedAnswer viewerHasThanked
        author { displayName role reputation } revisions { bodyHtml writtenAt } } } } } }`;
    const measure = async (id: string) => {
      const { result, queries } = await test.countQueries(() => who.member.agent.data(page, { id }));
      return { posts: result.thread.posts.edges.length, queries };
    };
    const twenty = await measure(small);
    const twoHundred = await measure(large);
    expect(twenty.posts).toBe(20);
    expect(twoHundred.posts).toBe(100);
    expect(twoHundred.queries.length).toBe(twenty.queries.length);
    expect(twoHundred.queries.length).toBeLessThanOrEqual(15);

    // Both pages of the 200-reply thread together: still no per-row statement.
    const { queries } = await test.countQueries(async () => {
      const first = await who.member.agent.data(
        `query ($id: ID!) { thread(id: $id) { posts(first: 100) { pageInfo { endCursor } } } }`,
        { id: large },
      );
      return who.member.agent.data(
        `query ($id: ID!, $after: String) { thread(id: $id) { posts(first: 100, after: $after) { edges { node { author { displayName } revisions { bodyHtml } viewerHasThanked isAcceptedAnswer } } } } }`,
        { id: large, after: first.thread.posts.pageInfo.endCursor },
      );
    });
    expect(queries.length).toBeLessThanOrEqual(15);
    console.info(
      `thread page: ${twenty.queries.length} SQL statements for 20 replies, ${twoHundred.queries.length} for a page of 100 of 200 replies`,
    );
  });

  it('shows the full 200-reply thread with the generic THREAD query too', async () => {
    const id = await threadWith(200);
    const { thread } = await who.visitor.data(THREAD, { id });
    expect(thread.posts.totalCount).toBe(200);
    expect(thread.acceptedAnswer).not.toBeNull();
  });
});

/** The statements of one request, shortened for a failure message or the log. */
const listed = (queries: string[]) => queries.map((q) => q.replace(/\s+/g, ' ').slice(0, 140));

describe('the thread page’s hand-written reads', () => {
  it('give the same thread as the repository, every column included (a column added later must be named there too)', async () => {
    const question = await ask(who.asker.agent, space.help, 'Is the store open on Sunday?');
    await reply(who.expert.agent, question.id, 'Yes, from ten to six.');
    await test.db.query(
      `UPDATE threads SET status = 'RESOLVED', resolved_at = now(), resolved_by_id = $2 WHERE id = $1`,
      [question.id, who.asker.id],
    );
    const handWritten = await threadRow(test.db, question.id);
    const byRepository = await test.db.getRepository(Thread).findOneByOrFail({ id: question.id });
    expect({ ...handWritten }).toEqual({ ...byRepository });
    expect(handWritten?.resolvedById).toBe(who.asker.id);
    const locked = await test.db.transaction((tx) => lockThreadRow(tx, question.id));
    expect({ ...locked }).toEqual({ ...byRepository });
  });

  it('lock the thread’s row until the transaction ends: a second locker waits for the first to commit', async () => {
    const question = await ask(who.asker.agent, space.help, 'Does the shop deliver on Saturday?');
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = test.db.transaction(async (tx) => {
      await lockThreadRow(tx, question.id);
      order.push('first locked');
      await held;
      order.push('first commits');
    });
    while (!order.includes('first locked')) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = test.db.transaction(async (tx) => {
      await lockThreadRow(tx, question.id);
      order.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['first locked']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first commits', 'second locked']);
    await expect(test.db.transaction((tx) => lockThreadRow(tx, randomUUID()))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('give the same posts as the repository, the Markdown source only when asked for', async () => {
    const id = await threadWith(30);
    const withMarkdown = await threadPageRows(test.db, id, { first: 20, after: null }, { markdown: true });
    const withoutMarkdown = await threadPageRows(
      test.db,
      id,
      { first: 20, after: null },
      { markdown: false },
    );
    const ids = withMarkdown!.posts.map((post) => post.id);
    // The question and 21 replies (the 21st tells there is a next page), the accepted answer among them.
    expect(ids).toHaveLength(22);
    const byRepository = await test.db.getRepository(Post).findBy({ id: In(ids) });
    for (const post of withMarkdown!.posts)
      expect({ ...post }).toEqual({ ...byRepository.find((p) => p.id === post.id) });
    expect(withoutMarkdown!.posts.map((post) => post.id)).toEqual(ids);
    for (const post of withoutMarkdown!.posts) {
      const { bodyMarkdown, ...rest } = { ...byRepository.find((p) => p.id === post.id)! };
      expect(bodyMarkdown).toMatch(/^(Q|Reply \d+)$/);
      expect({ ...post }).toEqual(rest);
    }
  });
});

describe('the thread list’s hand-written rows', () => {
  it('give the same threads, authors and questions (what a title needs of them) as the repositories', async () => {
    await ask(who.asker.agent, space.fast, 'Which cable fits the new router?');
    const hidden = await ask(who.member.agent, space.fast, 'Call Zoltan on 0699887766 for the router');
    await test.db.query(
      `UPDATE posts SET hidden_at = now(), hidden_by_id = $2, hidden_reason = 'PERSONAL_DATA' WHERE thread_id = $1 AND is_question`,
      [hidden.id, who.moderator.id],
    );
    const page = await threadsPage(
      test.db,
      Object.assign(new ThreadsArgs(), { spaceId: space.fast, first: 20 }),
    );
    const ids = page.connection.edges.map((e) => e.node.id);
    expect(ids).toContain(hidden.id);
    const threads = await test.db.getRepository(Thread).findBy({ id: In(ids) });
    for (const { node } of page.connection.edges)
      expect({ ...node }).toEqual({ ...threads.find((t) => t.id === node.id) });
    const users = await test.db.getRepository(User).findBy({ id: In(page.authors.map((a) => a.id)) });
    expect(page.authors).toHaveLength(users.length);
    for (const author of page.authors)
      expect({ ...author }).toEqual({ ...users.find((u) => u.id === author.id) });
    const questions = await test.db.getRepository(Post).findBy({ threadId: In(ids), isQuestion: true });
    expect([...page.questions.keys()]).toEqual(ids);
    for (const id of ids) {
      const question = questions.find((q) => q.threadId === id);
      expect(page.questions.get(id)).toEqual(
        question ? { authorId: question.authorId, hiddenAt: question.hiddenAt } : null,
      );
    }
    expect(page.questions.get(hidden.id)?.hiddenAt).toBeInstanceOf(Date);

    // The total comes with the page's rows, and with none on a page past the last thread.
    const total = page.connection.totalCount;
    expect(total).toBeGreaterThanOrEqual(2);
    const all = await threadsPage(
      test.db,
      Object.assign(new ThreadsArgs(), { spaceId: space.fast, first: 100 }),
    );
    const beyond = await threadsPage(
      test.db,
      Object.assign(new ThreadsArgs(), {
        spaceId: space.fast,
        first: 20,
        after: all.connection.pageInfo.endCursor,
      }),
    );
    expect(all.connection.totalCount).toBe(total);
    expect(beyond.connection.edges).toEqual([]);
    expect(beyond.connection.totalCount).toBe(total);
    expect(beyond.questions.size).toBe(0);
  });
});

describe('the thread page as the web app asks for it (its ThreadRoute operation)', () => {
  const page = () => webOperation('ThreadRoute');

  it('costs a fixed handful of statements, the same for 20 and for 500 replies, anonymous or signed in', async () => {
    const short = await threadWith(20);
    const long = await threadWith(500);
    const measure = async (
      agent: { data: (q: string, v: Record<string, unknown>) => Promise<any> },
      id: string,
    ) => {
      const { result, queries } = await test.countQueries(() => agent.data(page(), { id }));
      return { shown: result.thread.posts.edges.length as number, queries };
    };

    // A visitor: two statements sent at once, the thread with its space and private follow-up
    // notice, and beside it its question, accepted answer and first 20 replies with their
    // authors and the earlier versions of edited posts (these four kinds of row cost a statement
    // each until they came with the page's two).
    const visitor20 = await measure(who.visitor, short);
    const visitor500 = await measure(who.visitor, long);
    expect(visitor500.shown).toBe(20);
    expect(listed(visitor500.queries)).toHaveLength(2);
    expect(visitor20.queries).toHaveLength(visitor500.queries.length);

    // Signed in: the session (one statement), and what the member flagged. What they thank
    // comes with the posts (a statement of its own until then).
    const member20 = await measure(who.member.agent, short);
    const member500 = await measure(who.member.agent, long);
    expect(listed(member500.queries)).toHaveLength(4);
    expect(member20.queries).toHaveLength(member500.queries.length);
    expect(member500.queries.filter((q) => /"sessions"/.test(q))).toHaveLength(1);
    // Each kind of row once: authors and thanks come with the posts.
    expect(member500.queries.filter((q) => /FROM "?users"?/.test(q))).toHaveLength(0);
    expect(member500.queries.filter((q) => /FROM "thanks"/.test(q))).toHaveLength(0);
    console.info(
      `thread page (ThreadRoute), 500 replies, signed in:\n  ${listed(member500.queries).join('\n  ')}`,
    );
  });

  it('reads the posts’ HTML only, and their Markdown source for an operation that asks for it anywhere', async () => {
    const id = await threadWith(20);
    const { queries } = await test.countQueries(() => who.visitor.data(page(), { id }));
    const postsStatement = queries.find((q) => /FROM posts p/.test(q));
    expect(postsStatement).toMatch(/p\.body_html/);
    expect(postsStatement).not.toMatch(/p\.body_markdown|body_text/);

    const markdownOf = (result: any) =>
      result.thread.posts.edges.slice(0, 3).map((e: any) => e.node.bodyMarkdown);
    const inPosts = await who.member.agent.data(
      `query ($id: ID!) { thread(id: $id) { posts(first: 20) { edges { node { id bodyMarkdown } } } } }`,
      { id },
    );
    expect(markdownOf(inPosts)).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
    const inFragment = await who.member.agent.data(
      `query ($id: ID!) { thread(id: $id) { posts(first: 20) { edges { node { ...Source } } } } }
       fragment Source on Post { id bodyMarkdown }`,
      { id },
    );
    expect(markdownOf(inFragment)).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
    // Asked beside the page, of a post the page primes into the request's loaders.
    const [second] = await test.db.query(
      `SELECT id FROM posts WHERE thread_id = $1 AND body_markdown = 'Reply 2'`,
      [id],
    );
    const beside = await who.visitor.data(
      `query ($id: ID!, $post: ID!) { thread(id: $id) { posts(first: 20) { edges { node { id } } } }
         post(id: $post) { bodyMarkdown } }`,
      { id, post: second.id },
    );
    expect(beside.post.bodyMarkdown).toBe('Reply 2');
  });

  it('tells which posts the viewer thanks, a withdrawn thanks not counted, and nobody else’s', async () => {
    const id = await threadWith(20);
    const [withdrawn] = await test.db.query(
      `SELECT id FROM posts WHERE thread_id = $1 AND body_markdown = 'Reply 3'`,
      [id],
    );
    await test.db.query(`UPDATE thanks SET withdrawn_at = now() WHERE post_id = $1`, [withdrawn.id]);
    const thanked = async (agent: { data: (q: string, v: Record<string, unknown>) => Promise<any> }) =>
      Object.fromEntries(
        (await agent.data(page(), { id })).thread.posts.edges.map((e: any) => [
          e.node.id,
          e.node.viewerHasThanked,
        ]),
      );
    const rows: { id: string }[] = await test.db.query(
      `SELECT post_id AS id FROM thanks k JOIN posts p ON p.id = k.post_id
        WHERE p.thread_id = $1 AND k.user_id = $2 AND k.withdrawn_at IS NULL`,
      [id, who.member.id],
    );
    const byMember = await thanked(who.member.agent);
    expect(Object.keys(byMember)).toHaveLength(20);
    expect(rows.length).toBeGreaterThan(2);
    for (const [postId, yes] of Object.entries(byMember))
      expect([postId, yes]).toEqual([postId, rows.some((r) => r.id === postId)]);
    expect(byMember[withdrawn.id]).toBe(false);
    expect(Object.values(await thanked(who.expert.agent)).every((yes) => yes === false)).toBe(true);
    expect(Object.values(await thanked(who.visitor)).every((yes) => yes === false)).toBe(true);
  });

  it('costs the same on a deep page (keyset from the cursor, no OFFSET), and pages follow each other', async () => {
    const id = await threadWith(500);
    const [row] = await test.db.query(
      `SELECT id, created_at FROM posts WHERE thread_id = $1 AND NOT is_question ORDER BY created_at, id OFFSET 479 LIMIT 1`,
      [id],
    );
    const after = encodeCursor([new Date(row.created_at).toISOString(), row.id]);
    const first = await test.countQueries(() => who.visitor.data(page(), { id }));
    const deep = await test.countQueries(() => who.visitor.data(page(), { id, after }));
    expect(deep.queries).toHaveLength(first.queries.length);
    expect(deep.queries.join('\n')).not.toMatch(/OFFSET/i);
    const bodies = (result: any) => result.thread.posts.edges.map((e: any) => e.node.bodyHtml);
    expect(bodies(deep.result)).toEqual(Array.from({ length: 20 }, (_, i) => `<p>Reply ${481 + i}</p>`));
    expect(deep.result.thread.posts.pageInfo.hasNextPage).toBe(false);
    expect(bodies(first.result)[19]).toBe('<p>Reply 20</p>');

    const second = await who.visitor.data(page(), {
      id,
      after: first.result.thread.posts.pageInfo.endCursor,
    });
    expect(bodies(second)[0]).toBe('<p>Reply 21</p>');
  });
});

describe('the thread list as the web app asks for it (ThreadList)', () => {
  it('costs the same few statements for 3 and for 40 threads in the space', async () => {
    const list = webOperation('ThreadList');
    const measure = () =>
      test.countQueries(() => who.member.agent.data(list, { spaceId: space.fast, first: 20 }));
    for (let i = 0; i < 3; i++) await ask(who.staff.agent, space.fast, `Question number ${i} of the list`);
    const few = await measure();
    for (let i = 3; i < 40; i++) await ask(who.staff.agent, space.fast, `Question number ${i} of the list`);
    const many = await measure();
    expect(many.result.threads.edges).toHaveLength(20);
    expect(many.queries).toHaveLength(few.queries.length);
    // The session, then one statement: the page with each thread's author and what its title
    // needs of its question (whether it is hidden, whose it is), and the total (each a statement
    // of its own until they came with the page).
    expect(listed(many.queries)).toHaveLength(2);
  });
});

describe('a reply as the web app sends it (ThreadRouteReply)', () => {
  it('reads back nothing it wrote: no post or thread read after the insert, nothing after COMMIT but what the answer adds', async () => {
    const thread = await ask(who.asker.agent, space.help, 'A question for the reply to answer');
    await reply(who.expert.agent, thread.id, 'A first reply.');
    const { result, queries } = await test.countQueries(() =>
      who.member.agent.data(webOperation('ThreadRouteReply'), {
        input: { threadId: thread.id, bodyMarkdown: 'Same here, **since Monday**.' },
      }),
    );
    expect(result.reply.bodyHtml).toContain('<strong>since Monday</strong>');
    expect(result.reply.author.displayName).toBe('Marc Member');
    expect(result.reply.isAcceptedAnswer).toBe(false);
    expect(result.reply.viewerHasThanked).toBe(false);
    // The written post is never selected again, nor is its author (the session read them).
    expect(queries.filter((q) => /FROM "posts"/.test(q))).toEqual([]);
    expect(queries.filter((q) => /FROM "users"/.test(q) && !/"sessions"/.test(q))).toHaveLength(
      // The follower's notice (REPLY is mailed at once by default): who of its recipients has a
      // confirmed address. None has: the thread's title and the actor's name are not looked up.
      1,
    );
    // Nothing after COMMIT: whether the viewer flagged the post is not asked of their own post.
    expect(listed(queries.slice(queries.indexOf('COMMIT') + 1))).toEqual([]);
    // The session; the transaction: the thread's row locked, the post, the thread's counters with
    // the page's live event (one statement), the followers' notices (with the author's follow and
    // the unread counts' event: one statement), their mail addresses, the posting limit (last, so
    // its row is locked shortest). It was 15 before the notices, the follow and the counts' event
    // became one statement and the mail lookups stopped where nobody can be mailed.
    expect(listed(queries)).toHaveLength(9);
    expect(
      queries.filter((q) => /UPDATE threads SET replies_count .* RETURNING pg_notify/s.test(q)),
    ).toHaveLength(1);
    console.info(`reply: ${queries.length} statements\n  ${listed(queries).join('\n  ')}`);
  });

  it('costs the same statements for 1 follower and for 40 (the notices are one statement)', async () => {
    const measure = async (followers: number) => {
      const thread = await ask(who.asker.agent, space.help, `A question followed by ${followers + 1}`);
      // Followers written straight into the database: what is measured is the reply's fan-out.
      await test.db.query(
        `INSERT INTO follows (user_id, subject_type, subject_id)
         SELECT id, 'THREAD', $1 FROM users WHERE id <> $2 AND id <> $3 ORDER BY id LIMIT $4`,
        [thread.id, who.asker.id, who.member.id, followers],
      );
      const { queries } = await test.countQueries(() =>
        who.member.agent.data(webOperation('ThreadRouteReply'), {
          input: { threadId: thread.id, bodyMarkdown: 'Same here.' },
        }),
      );
      const [{ count }] = await test.db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE subject_id = $1 AND kind = 'REPLY'`,
        [thread.id],
      );
      return { queries: queries.length, notices: count as number };
    };
    for (let i = 0; i < 40; i++) await test.agent().registerMember(`Follower ${i}`);
    const few = await measure(0);
    const many = await measure(40);
    expect(few.notices).toBe(1); // the asker
    expect(many.notices).toBe(41);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBe(9);
  });
});
