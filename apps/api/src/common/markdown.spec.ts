import { proxiedImageUrl, setImageProxyKey } from './image-proxy-url';
import { markdownToText, mentionedUserIds, renderMarkdown, rendersEmpty } from './markdown';

beforeAll(() => setImageProxyKey('a test secret for the image proxy'));

describe('rendering Markdown written by people', () => {
  it('renders the usual Markdown', () => {
    expect(renderMarkdown('**Bonjour** _à tous_\n\n- un\n- deux')).toBe(
      '<p><strong>Bonjour</strong> <em>à tous</em></p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>',
    );
  });

  it('shows a script tag typed in a post as text, never as a script', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops event handler attributes, even from HTML smuggled through an image', () => {
    for (const source of [
      '<img src=x onerror=alert(1)>',
      '![x](https://example.com/a.png" onerror="alert(1))',
      '<a href="https://x.test" onclick="alert(1)">x</a>',
    ]) {
      expect(renderMarkdown(source)).not.toMatch(/<[^>]+\son\w+=/i);
    }
  });

  it('never produces a javascript:, vbscript: or data: link or image', () => {
    for (const source of [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](java\tscript:alert(1))',
      '[click](vbscript:msgbox(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![img](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      const html = renderMarkdown(source);
      // Inside a real tag: `&lt;a href="javascript:…"&gt;` is harmless text.
      expect(html).not.toMatch(/<[a-z]+\s[^>]*(href|src)="\s*(javascript|vbscript|data):/i);
    }
  });

  it('marks every link as user content: rel="nofollow ugc noopener"', () => {
    expect(renderMarkdown('[docs](https://example.com/docs) and https://example.org')).toBe(
      '<p><a href="https://example.com/docs" rel="nofollow ugc noopener" target="_blank">docs</a> and ' +
        '<a href="https://example.org" rel="nofollow ugc noopener" target="_blank">https://example.org</a></p>',
    );
  });

  it('keeps images, remote ones through the signed image proxy, and code blocks', () => {
    const proxied = proxiedImageUrl('https://example.com/logo.png').replace(/&/g, '&amp;');
    expect(proxied).toMatch(/^\/media\/proxy\?u=https%3A%2F%2Fexample\.com%2Flogo\.png&amp;s=[\w-]{43}$/);
    expect(renderMarkdown('![logo](https://example.com/logo.png)')).toBe(
      `<p><img src="${proxied}" alt="logo" /></p>`,
    );
    expect(renderMarkdown('![local](/favicon.png)')).toBe('<p><img src="/favicon.png" alt="local" /></p>');
    expect(renderMarkdown('```ts\nconst a = 1 < 2;\n```')).toBe(
      '<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>',
    );
  });
});

describe('photos added to posts', () => {
  const id = '0b7c3a52-8f0e-4d8a-9a51-3c1d2e4f5a6b';

  it('shows the thumbnail in a link to the full-size photo, on this site', () => {
    expect(renderMarkdown(`![The lid](/uploads/${id.toUpperCase()})`)).toBe(
      `<p><a href="/uploads/${id}" class="upload"><img src="/uploads/${id}/thumb" alt="The lid" loading="lazy" /></a></p>`,
    );
    expect(renderMarkdown(`![](/uploads/${id})`)).toContain('alt="Photo"');
  });

  it('gives the upload link class to nothing else', () => {
    expect(renderMarkdown(`[see](/uploads/${id})`)).toBe(
      `<p><a href="/uploads/${id}" rel="nofollow ugc noopener" target="_blank">see</a></p>`,
    );
    expect(renderMarkdown(`![x](/uploads/${id}/../../graphql)`)).not.toContain('class="upload"');
    expect(renderMarkdown('![x](/uploads/not-an-id)')).not.toContain('class="upload"');
  });
});

describe('the plain text of a Markdown body', () => {
  it('keeps the words and drops the markup, entities decoded', () => {
    expect(markdownToText('# Titre\n\n**Carte** bloquée &amp; [mon lien](https://x.test)\n\n`code`')).toBe(
      'Titre\nCarte bloquée & mon lien\ncode',
    );
  });

  it('keeps a typed tag as the text it is', () => {
    expect(markdownToText('a <b>bold</b> claim')).toBe('a <b>bold</b> claim');
  });
});

describe('mentions', () => {
  const id = '0b4a7c1e-3f2d-4c5b-9a8e-1d2c3b4a5f6e';

  it('render as a link to the member’s profile, opened in place', () => {
    expect(renderMarkdown(`Thanks @[Sarah Martin](${id})!`)).toBe(
      `<p>Thanks <a href="/u/${id}" class="mention">@Sarah Martin</a>!</p>`,
    );
    expect(mentionedUserIds(`Hi @[Sarah](${id}) and @[Sarah again](${id})`)).toEqual([id]);
  });

  it('are sanitized: a name is text, and markup smuggled in it is escaped', () => {
    const html = renderMarkdown(`@[<img src=x onerror=alert(1)>](${id}) @[x" onclick="alert(1)](${id})`);
    expect(html).not.toMatch(/<img|<[^>]+\son\w+=/i);
    expect(html).toContain('&lt;img');
  });

  it('are not made by a link that merely looks like one, nor inside code', () => {
    expect(
      renderMarkdown(`[@Sarah](/u/${id}) <a class="mention" href="javascript:alert(1)">x</a>`),
    ).not.toMatch(/<a[^>]*class="mention"/);
    expect(mentionedUserIds(`\`@[Sarah](${id})\`\n\n    @[Sarah](${id})`)).toEqual([]);
  });
});

describe('a body that shows nothing once rendered', () => {
  it('is a lone link reference definition, zero-width spaces, or a rule', () => {
    for (const source of ['[x]: https://example.com', '\u200b', '\u200b\u200d \n\ufeff', '---', '&#8203;']) {
      expect(rendersEmpty(source)).toBe(true);
    }
  });

  it('is not a word, an emoji, a code block or an image without alt text', () => {
    for (const source of [
      'ok',
      '❤️',
      '```\nx\n```',
      '![](https://example.com/a.png)',
      '[x](https://example.com)',
    ]) {
      expect(rendersEmpty(source)).toBe(false);
    }
  });
});
