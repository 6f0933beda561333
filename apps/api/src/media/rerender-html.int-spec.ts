import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from '../testing/api-process';
import { GraphQLAgent } from '../testing/test-app';
import { createDatabase, runtimeUrl } from '../testing/test-database';
import { REMOTE_IMAGES_BACKFILL } from './rerender-html';

/**
 * A post stored before remote images went through the media proxy: `npm start` renders it again
 * (main.ts, media/rerender-html.ts), so that readers are served the proxied image, and this is
 * no edit: no revision, no edit date.
 */
const REMOTE = 'https://images.example.com/cat.png';
const OLD_HTML = `<p>My router: <img src="${REMOTE}" alt="router" /></p>`;
const QUESTION = `query ($id: ID!) { thread(id: $id) { question { id bodyHtml } } }`;

let url: string;
let owner: Client;
let api: ApiProcess | null = null;
const env = { SESSION_SECRET: randomBytes(32).toString('hex') };

beforeAll(async () => {
  url = await createDatabase();
  owner = new Client({ connectionString: url });
  await owner.connect();
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await owner.end();
});

async function revisionsOf(postId: string): Promise<number> {
  const { rows } = await owner.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM post_revisions WHERE post_id = $1',
    [postId],
  );
  return rows[0].n;
}

/** The old HTML stored in the post as it was before the proxy (triggers held off: not an edit). */
async function plant(postId: string): Promise<void> {
  await owner.query('BEGIN');
  await owner.query('SET LOCAL session_replication_role = replica');
  await owner.query('UPDATE posts SET body_html = $1 WHERE id = $2', [OLD_HTML, postId]);
  await owner.query('COMMIT');
}

async function htmlOf(postId: string): Promise<string> {
  const { rows } = await owner.query<{ body_html: string }>('SELECT body_html FROM posts WHERE id = $1', [
    postId,
  ]);
  return rows[0].body_html;
}

it('serves a post stored with a direct remote image through the proxy after the next start, with no revision', async () => {
  // The first start migrates the database.
  api = await startApiProcess(url, env);
  const {
    rows: [space],
  } = await owner.query<{ id: string }>(
    `INSERT INTO spaces (slug, name, kind, position, first_response_minutes, answer_minutes)
     VALUES ('help', 'Help', 'HELP', 1, 60, 1440) RETURNING id`,
  );
  const asker = new GraphQLAgent(`${api.url}/graphql`);
  await asker.registerMember('Ana Asker');
  const { createThread } = await asker.data<{ createThread: { id: string } }>(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: {
        spaceId: space.id,
        title: 'My router keeps dropping the line',
        bodyMarkdown: `My router: ![router](${REMOTE})`,
      },
    },
  );
  await api.stop();
  api = null;

  // As Parvis stored it before the proxy.
  const {
    rows: [post],
  } = await owner.query<{ id: string }>(`SELECT id FROM posts WHERE thread_id = $1`, [createThread.id]);
  await plant(post.id);
  expect(await revisionsOf(post.id)).toBe(0);
  // A database from before the job was recorded (the first start above recorded it, on no posts).
  await owner.query('DELETE FROM maintenance_runs WHERE name = $1', [REMOTE_IMAGES_BACKFILL.name]);

  api = await startApiProcess(url, env);
  expect(api.output()).toContain(
    'Remote images now shown through the media proxy: 1 rows of posts rendered again.',
  );
  const { thread } = await new GraphQLAgent(`${api.url}/graphql`).data<{
    thread: { question: { id: string; bodyHtml: string } };
  }>(QUESTION, { id: createThread.id });
  expect(thread.question.bodyHtml).toContain(`src="/media/proxy?u=${encodeURIComponent(REMOTE)}&amp;s=`);
  expect(thread.question.bodyHtml).not.toContain(`src="${REMOTE}"`);
  // Not an edit: no earlier version, no edit date.
  expect(await revisionsOf(post.id)).toBe(0);
  const { rows } = await owner.query<{ edited_at: Date | null }>(
    'SELECT edited_at FROM posts WHERE id = $1',
    [post.id],
  );
  expect(rows[0].edited_at).toBeNull();

  // Done once: the next start finds the job recorded and does not even look, so that an old body
  // planted now (only a start that scans would find it) stays as it is.
  await api.stop();
  await plant(post.id);
  api = await startApiProcess(url, env);
  expect(api.output()).not.toContain('rendered again');
  expect(await htmlOf(post.id)).toBe(OLD_HTML);
});

it('lets only the owner re-render without a revision: the API’s role changing the HTML leaves one', async () => {
  const {
    rows: [post],
  } = await owner.query<{ id: string; body_markdown: string }>('SELECT id, body_markdown FROM posts LIMIT 1');
  const runtime = new Client({ connectionString: runtimeUrl(url) });
  await runtime.connect();
  try {
    await runtime.query('BEGIN');
    await runtime.query(`SET LOCAL parvis.rerendering_html = 'on'`);
    await runtime.query('UPDATE posts SET body_html = $1 WHERE id = $2', ['<p>Swapped</p>', post.id]);
    await runtime.query('COMMIT');
  } finally {
    await runtime.end();
  }
  expect(await revisionsOf(post.id)).toBe(1);
});
