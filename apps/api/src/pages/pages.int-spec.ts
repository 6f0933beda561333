import http from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { REPO_ROOT } from '../config/config';
import { useCommunity } from '../testing/community';
import { CREATE_CAMPAIGN, hours, submitIdea } from '../testing/ideas-fixtures';
import { GraphQLAgent, startTestApp, TestApp } from '../testing/test-app';
import { ACCEPT, ask, reply } from '../testing/threads-fixtures';

/**
 * What a search engine, a link preview or a reader without JavaScript gets: every public page as
 * HTML rendered on the server by the web app's own components (run `npx nx run web:build` first:
 * the API loads the built renderer).
 */
const WEB_DIST = join(REPO_ROOT, 'apps', 'web', 'dist');
const { test, space, who } = useCommunity({ WEB_DIST, PUBLIC_URL: 'https://community.example.com' });

const HIDE = `mutation ($input: HidePostInput!) { hidePost(input: $input) { id } }`;

interface Fetched {
  status: number;
  html: string;
  headers: Headers;
}

async function get(path: string, headers: Record<string, string> = {}, base = test.url): Promise<Fetched> {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-language': 'en', ...headers } });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/**
 * A browser revalidating its copy (fetch() cannot: a conditional request makes it add
 * `Cache-Control: no-cache`, which asks the server for the page whatever the ETag).
 */
function revalidate(path: string, etag: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(
        `${test.url}${path}`,
        { headers: { 'if-none-match': etag, 'accept-language': 'en' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
      .on('error', reject);
  });
}

/** The page as a signed-in person's browser asks for it (their session cookie). */
const getAs = (agent: GraphQLAgent, path: string) => get(path, { cookie: agent.sessionCookie! });

/** The text of the first element `<tag …attribute…>` (a regular expression over the HTML is enough here). */
const tagContent = (html: string, open: RegExp) => {
  const match = new RegExp(`${open.source}([\\s\\S]*?)</`).exec(html);
  return match?.[1];
};

const jsonLd = (html: string) =>
  JSON.parse(tagContent(html, /<script type="application\/ld\+json">/) ?? 'null') as Record<string, any>;

let answered: { id: string; questionId: string };
let hiddenThread: string;
let idea: { id: string };
let campaign: { id: string };

beforeAll(async () => {
  const thread = await ask(
    who.asker.agent,
    space.help,
    'My parcel locker refuses my code',
    'The locker at the station says **invalid code** every time.',
  );
  const answer = await reply(
    who.expert.agent,
    thread.id,
    'Codes expire after 48 hours: ask for a new one in the app.',
  );
  await reply(who.member.agent, thread.id, 'Same here last week, the new code worked.');
  await who.asker.agent.data(ACCEPT, { input: { postId: answer.id } });
  answered = { id: thread.id, questionId: thread.question.id };

  const secret = await ask(
    who.member.agent,
    space.help,
    'Call me at 06 12 34 56 78 about my order',
    'My number is 06 12 34 56 78, the order is stuck.',
  );
  await reply(who.staff.agent, secret.id, 'We never ask for phone numbers here: we continue in private.');
  await who.moderator.agent.data(HIDE, { input: { postId: secret.question.id, reason: 'PERSONAL_DATA' } });
  hiddenThread = secret.id;

  await ask(
    who.staff.agent,
    space.news,
    'Our stores open on Sundays',
    'From next month, every store opens on Sundays.',
  );
  idea = await submitIdea(who.member.agent, {
    title: 'Oat milk in every store',
    body: 'Plant milks cost more; please offer **oat milk** at the same price.',
    spaceId: space.ideas,
  });
  campaign = (
    await who.staff.agent.data(CREATE_CAMPAIGN, {
      input: {
        title: 'Our next summer flavour',
        question: 'Which flavour should we make next summer?',
        opensAt: hours(-1),
        closesAt: hours(24),
        spaceId: space.ideas,
      },
    })
  ).createCampaign;
});

describe('public pages rendered on the server', () => {
  it('show a thread without JavaScript: the question, the accepted answer right under it, the replies, with its own title, description, language and canonical address', async () => {
    const page = await get(`/t/${answered.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(page.html).toContain('The locker at the station says <strong>invalid code</strong> every time.');
    expect(page.html).toContain('Codes expire after 48 hours: ask for a new one in the app.');
    expect(page.html).toContain('Same here last week, the new code worked.');
    expect(tagContent(page.html, /<title>/)).toBe('My parcel locker refuses my code · Parvis');
    expect(page.html).toContain(
      '<meta name="description" content="My parcel locker refuses my code — Codes expire after 48 hours: ask for a new one in the app."/>',
    );
    expect(page.html).toContain(
      `<link rel="canonical" href="https://community.example.com/t/${answered.id}"/>`,
    );
    expect(page.html).toContain('<meta property="og:title" content="My parcel locker refuses my code"/>');
    expect(page.html).toContain('<meta name="twitter:card" content="summary"/>');
    // Hydrated from the page itself: no executable inline script (a strict CSP allows the page).
    expect(page.html).not.toMatch(
      /<script(?![^>]*(type="application\/(ld\+)?json"|type="module" src=))[^>]*>/,
    );
  });

  it('start no JavaScript with the HTML but a small loader at the end of the body, which names the app’s entry and the chunks of the page to fetch once it has painted', async () => {
    const { html } = await get(`/t/${answered.id}`);
    const [head, body] = html.split('</head>');
    // What the HTML makes the browser fetch as it arrives: stylesheets and icons in the head, one
    // script in the body. No module preload and no script that the preload scanner would start
    // beside the stylesheet.
    const fetchedByHead = [...head.matchAll(/<(script|link)\b([^>]*)>/g)]
      .filter(([, tag, attributes]) => tag === 'script' || !/rel="(canonical|alternate)"/.test(attributes))
      .map(([, tag, attributes]) => (tag === 'script' ? 'script' : /rel="([^"]+)"/.exec(attributes)![1]));
    expect(new Set(fetchedByHead)).toEqual(new Set(['icon', 'apple-touch-icon', 'manifest', 'stylesheet']));
    expect(html).not.toContain('modulepreload');
    const scripts = [...body.matchAll(/<script\b([^>]*)>/g)]
      .map(([, attributes]) => attributes)
      .filter((attributes) => !/type="application\/(ld\+)?json"/.test(attributes));
    expect(scripts).toHaveLength(1);
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(scripts[0])?.[1];
    expect(attribute('type')).toBe('module');
    expect(attribute('src')).toMatch(/^\/assets\/loader-[\w-]+\.js$/);
    // The loader is one small file that imports nothing: the page's code comes from what it names.
    const loader = await get(attribute('src')!);
    expect(loader.status).toBe(200);
    expect(loader.html).not.toMatch(/\bimport\s*[\s{*"'`]|\bfrom\s*["'`]/);
    expect(loader.html).toContain('modulepreload');
    const entry = attribute('data-entry')!;
    const preloads = attribute('data-preloads')!.split(' ');
    expect(entry).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect((await get(entry)).status).toBe(200);
    // The thread page's own chunk is among them, fetched beside the entry rather than after it.
    expect(preloads.some((href) => /^\/assets\/ThreadRoute-[\w-]+\.js$/.test(href))).toBe(true);
    for (const href of preloads)
      expect({ href, status: (await get(href)).status }).toEqual({ href, status: 200 });
  });

  it('describe a help thread as a QAPage with its question, accepted and suggested answers (Google’s Q&A rich result)', async () => {
    const { html } = await get(`/t/${answered.id}`);
    const data = jsonLd(html);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('QAPage');
    const question = data.mainEntity;
    expect(question).toMatchObject({
      '@type': 'Question',
      name: 'My parcel locker refuses my code',
      text: 'The locker at the station says invalid code every time.',
      answerCount: 2,
      upvoteCount: 0,
      author: { '@type': 'Person', name: 'Ana Asker' },
      acceptedAnswer: {
        '@type': 'Answer',
        text: 'Codes expire after 48 hours: ask for a new one in the app.',
        upvoteCount: 0,
        author: { '@type': 'Person', name: 'Eva Expert' },
      },
      suggestedAnswer: [
        {
          '@type': 'Answer',
          text: 'Same here last week, the new code worked.',
          author: { name: 'Marc Member' },
        },
      ],
    });
    expect(Date.parse(question.dateCreated)).not.toBeNaN();
    expect(Date.parse(question.acceptedAnswer.dateCreated)).not.toBeNaN();
  });

  it('keep a thread whose question is hidden public (200) with its notice, and its hidden text nowhere: not in the page, its meta tags or its structured data', async () => {
    const page = await get(`/t/${hiddenThread}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Hidden by Malik Moderator');
    expect(page.html).toContain('We never ask for phone numbers here: we continue in private.');
    expect(page.html).not.toContain('06 12 34 56 78');
    expect(page.html).not.toContain('the order is stuck');
    expect(jsonLd(page.html).mainEntity.text).not.toContain('06 12');
  });

  it.each([
    ['the home page', () => '/', ['Help', 'Ideas', 'News']],
    ['a help space', () => '/s/help', ['My parcel locker refuses my code']],
    ['the idea board', () => '/s/ideas', ['Oat milk in every store']],
    ['the announcements', () => '/s/news', ['Our stores open on Sundays']],
    ['an idea', () => `/ideas/${idea.id}`, ['Oat milk in every store', 'at the same price']],
    ['the roadmap', () => '/roadmap', ['Roadmap']],
    [
      'a campaign',
      () => `/campaigns/${campaign.id}`,
      ['Our next summer flavour', 'Which flavour should we make next summer?'],
    ],
    ['a profile', () => `/u/${who.expert.id}`, ['Eva Expert']],
    ['search results', () => '/search?q=locker', ['My parcel locker refuses my code']],
    ['the charter', () => '/charter', ['Community charter']],
    ['the moderation log', () => '/moderation/log', ['Moderation log', 'Malik Moderator']],
  ])('render %s with its content and its own title', async (_name, path, texts) => {
    const page = await get(path());
    expect(page.status).toBe(200);
    for (const text of texts) expect(page.html).toContain(text);
    expect(tagContent(page.html, /<title>/)).toMatch(/Parvis$/);
    expect(page.html).toContain('<meta name="description"');
  });

  it('describe an idea as a DiscussionForumPosting with its votes', async () => {
    const data = jsonLd((await get(`/ideas/${idea.id}`)).html);
    expect(data).toMatchObject({
      '@type': 'DiscussionForumPosting',
      headline: 'Oat milk in every store',
      author: { name: 'Marc Member' },
      interactionStatistic: [
        { interactionType: 'https://schema.org/LikeAction', userInteractionCount: 1 },
        {},
      ],
    });
  });

  it.each([
    ['an unknown thread', '/t/00000000-0000-4000-8000-000000000000'],
    ['an unknown idea', '/ideas/00000000-0000-4000-8000-000000000000'],
    ['an unknown profile', '/u/00000000-0000-4000-8000-000000000000'],
    ['an unknown space', '/s/nowhere'],
    ['an unknown route', '/no/such/page'],
  ])('answer 404 with the translated not-found page and a way home for %s', async (_name, path) => {
    const english = await get(path);
    expect(english.status).toBe(404);
    expect(english.html).toContain('Page not found');
    expect(english.html).toContain('<a href="/"');
    expect(english.html).toContain('<meta name="robots" content="noindex"/>');
    const french = await get(path, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(french.status).toBe(404);
    expect(french.html).toMatch(/<html lang="fr">/);
    expect(french.html).toContain('Page introuvable');
  });

  it('are in the reader’s language: the language they chose (cookie), else their own preference, else Accept-Language', async () => {
    expect((await get('/', { 'accept-language': 'es-ES,es;q=0.9' })).html).toMatch(/<html lang="es">/);
    expect((await get('/', { 'accept-language': 'es', cookie: 'parvis_language=fr' })).html).toMatch(
      /<html lang="fr">/,
    );
    const spanish = test.agent();
    await spanish.registerMember('Sofía', 'es');
    expect((await get('/', { cookie: spanish.sessionCookie!, 'accept-language': 'en' })).html).toMatch(
      /<html lang="es">/,
    );
  });
});

describe('the sitemap', () => {
  it('lists exactly the public threads and ideas, with their last activity, and robots.txt points to it', async () => {
    const robots = await get('/robots.txt');
    expect(robots.html).toContain('Sitemap: https://community.example.com/sitemap.xml');

    const index = await get('/sitemap.xml');
    expect(index.headers.get('content-type')).toMatch(/xml/);
    const files = [
      ...index.html.matchAll(/<loc>https:\/\/community\.example\.com(\/sitemaps\/[^<]+)<\/loc>/g),
    ].map((m) => m[1]);
    expect(files).toEqual(['/sitemaps/threads-1.xml', '/sitemaps/ideas-1.xml']);

    const listed = async (file: string) =>
      [...(await get(file)).html.matchAll(/<loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g)].map(
        (m) => m[1],
      );
    const threads: { id: string }[] = await test.db.query(
      `SELECT t.id FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.kind <> 'IDEAS'`,
    );
    expect((await listed(files[0])).sort()).toEqual(
      threads.map((t) => `https://community.example.com/t/${t.id}`).sort(),
    );
    expect(await listed(files[0])).toContain(`https://community.example.com/t/${hiddenThread}`);
    expect(await listed(files[1])).toEqual([`https://community.example.com/ideas/${idea.id}`]);
    expect((await get('/sitemaps/threads-2.xml')).status).toBe(404);

    // A crawler that has them gets 304 when they have not changed.
    for (const path of ['/robots.txt', '/sitemap.xml', files[0]]) {
      const etag = (await get(path)).headers.get('etag')!;
      expect([path, etag]).toEqual([path, expect.stringMatching(/^"[\w-]+"$/)]);
      expect([path, await revalidate(path, etag)]).toEqual([path, 304]);
      expect([path, await revalidate(path, '"another"')]).toEqual([path, 200]);
    }
  });
});

describe('the page cache', () => {
  let second: TestApp;
  beforeAll(async () => {
    second = await startTestApp({ WEB_DIST, PUBLIC_URL: 'https://community.example.com' }, test.databaseUrl);
  });
  afterAll(() => second.close());

  /** Asks for the page until it shows `text` (the change's announcement crosses processes through PostgreSQL). */
  async function eventually(path: string, text: string): Promise<Fetched> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const page = await get(path);
      if (page.html.includes(text)) return page;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${path} never showed "${text}"`);
  }

  it('serves signed-out readers the same page again, revalidated by its ETag, until a reply posted through another API process changes it', async () => {
    const path = `/t/${answered.id}`;
    await get(path);
    const cached = await get(path);
    expect(cached.headers.get('x-page-cache')).toBe('hit');
    expect(cached.headers.get('cache-control')).toBe('no-cache');
    const etag = cached.headers.get('etag')!;
    expect(await revalidate(path, etag)).toBe(304);

    // The other process takes the reply: this one hears of it through PostgreSQL and drops the page.
    const other = second.agent().useCookie(who.member.agent.sessionCookie);
    await other.data(`mutation ($input: ReplyInput!) { reply(input: $input) { id } }`, {
      input: { threadId: answered.id, bodyMarkdown: 'Posted through the second process.' },
    });
    const fresh = await eventually(path, 'Posted through the second process.');
    expect(fresh.headers.get('etag')).not.toBe(etag);
    expect((await get(path)).headers.get('x-page-cache')).toBe('hit');
    // The thread list showing it was dropped too.
    await eventually('/s/help', `/t/${answered.id}`);
  });

  it('answers a cached page compressed when the browser accepts it, with the headers it was first sent with', async () => {
    const path = `/t/${answered.id}`;
    const plain = await get(path);
    const response = await new Promise<http.IncomingMessage & { body: Buffer }>((resolve, reject) => {
      http
        .get(
          `${test.url}${path}`,
          { headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'en' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
          },
        )
        .on('error', reject);
    });
    expect(response.headers['x-page-cache']).toBe('hit');
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.body).toString()).toBe(plain.html);
    expect(response.headers['etag']).toBe(plain.headers.get('etag'));
  });

  it('drops a page when its question is hidden', async () => {
    const thread = await ask(
      who.member.agent,
      space.help,
      'Write to me at jo@example.com',
      'Mail jo@example.com please.',
    );
    const path = `/t/${thread.id}`;
    await get(path);
    expect((await get(path)).headers.get('x-page-cache')).toBe('hit');
    await who.moderator.agent.data(HIDE, { input: { postId: thread.question.id, reason: 'PERSONAL_DATA' } });
    const page = await eventually(path, 'Hidden by Malik Moderator');
    expect(page.html).not.toContain('jo@example.com');
  });

  it('never serves a signed-in reader from it, nor keeps their page', async () => {
    const path = `/t/${answered.id}`;
    await get(path);
    const mine = await getAs(who.asker.agent, path);
    expect(mine.headers.get('x-page-cache')).toBe('miss');
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');
    expect(mine.html).toContain('Ana Asker');
    expect((await getAs(who.asker.agent, path)).headers.get('x-page-cache')).toBe('miss');
  });

  it('is off with PAGE_CACHE_MB=0', async () => {
    const uncached = await startTestApp({ WEB_DIST, PAGE_CACHE_MB: '0' }, test.databaseUrl);
    try {
      await get('/charter', {}, uncached.url);
      expect((await get('/charter', {}, uncached.url)).headers.get('x-page-cache')).toBe('miss');
    } finally {
      await uncached.close();
    }
  });
});
