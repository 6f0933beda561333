import { THREAD } from '../testing/threads-fixtures';
import { useCommunity } from '../testing/community';

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
