import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { isVisiblyEmpty } from '@parvis/domain';
import { proxiedImageUrl } from './image-proxy-url';

/**
 * Markdown written by people becomes HTML on the server, in two steps that each stand on their
 * own: markdown-it with raw HTML disabled (a `<script>` typed in a post is shown as text), then
 * sanitize-html with an allow-list, so that even a markdown-it bug cannot let a script, an event
 * handler or a javascript:/data: link through. Links get rel="nofollow ugc noopener" (user
 * content, no ranking credit, no access to window.opener) and open in a new tab. Remote images
 * point to Parvis's image proxy (image-proxy-url.ts).
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

/**
 * A mention is `@[Display Name](<user id>)`, what the reply editor inserts when a member is
 * picked: it renders as a link to that member's profile (`/u/<id>`, class "mention") and tells
 * them. Parsed as an inline rule, so a mention inside code stays code; the name is text only.
 */
const MENTION = /^@\[([^\]\n]{1,80})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/i;

markdown.inline.ruler.before('link', 'mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = MENTION.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [
      ['href', `/u/${match[2].toLowerCase()}`],
      ['class', 'mention'],
    ];
    open.meta = { mention: match[2].toLowerCase() };
    const text = state.push('text', '', 0);
    text.content = `@${match[1]}`;
    state.push('link_close', 'a', -1);
  }
  state.pos += match[0].length;
  return true;
});

/**
 * A photo added to a post (`![alt](/uploads/<id>)`, what the editor inserts) is shown as its
 * thumbnail inside a link to the full-size photo: the web app opens that link in its lightbox,
 * and without JavaScript it is an ordinary link.
 */
export const UPLOAD_SRC = /^\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const renderImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const upload = UPLOAD_SRC.exec(tokens[idx].attrGet('src') ?? '');
  if (!upload) return renderImage(tokens, idx, options, env, self);
  const id = upload[1].toLowerCase();
  // The link's only content is the image: without a text it would have no name for a screen reader.
  const alt = markdown.utils.escapeHtml(
    self.renderInlineAsText(tokens[idx].children ?? [], options, env).trim() || 'Photo',
  );
  return `<a href="/uploads/${id}" class="upload"><img src="/uploads/${id}/thumb" alt="${alt}" loading="lazy"></a>`;
};

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target', 'class'],
    img: ['src', 'alt', 'title', 'loading'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/], a: ['mention', 'upload'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // A remote image is shown through Parvis's proxy, so its host never sees who reads the post.
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const { src, ...rest } = attribs;
      return /^https?:\/\//i.test(src ?? '')
        ? { tagName, attribs: { src: proxiedImageUrl(src), ...rest } }
        : { tagName, attribs };
    },
    // A mention is a link to a profile of this site: it opens in place; every other link in a new tab.
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const { class: className, ...rest } = attribs;
      if (className === 'upload' && UPLOAD_SRC.test(attribs.href ?? ''))
        return { tagName, attribs: { href: attribs.href, class: 'upload' } };
      return className === 'mention' && /^\/u\/[0-9a-f-]{36}$/.test(attribs.href ?? '')
        ? { tagName, attribs: { href: attribs.href, class: 'mention' } }
        : { tagName, attribs: { ...rest, rel: 'nofollow ugc noopener', target: '_blank' } };
    },
  },
};

/** Sanitized HTML for a Markdown body. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** The ids of the members a body mentions (outside code), at most `limit` of them. */
export function mentionedUserIds(source: string, limit = 20): string[] {
  const ids = new Set<string>();
  const walk = (tokens: ReturnType<typeof markdown.parse>) => {
    for (const token of tokens) {
      if (token.children) walk(token.children);
      const meta = token.meta as { mention?: string } | null;
      if (token.type === 'link_open' && meta?.mention) ids.add(meta.mention);
    }
  };
  walk(markdown.parse(source, {}));
  return [...ids].slice(0, limit);
}

/**
 * The words of a Markdown body without any markup, for full-text search and search snippets.
 * Built from markdown-it's tokens, so entities are decoded and no tag survives.
 */
export function markdownToText(source: string): string {
  const parts: string[] = [];
  const walk = (tokens: ReturnType<typeof markdown.parse>) => {
    for (const token of tokens) {
      if (token.children) walk(token.children);
      else if (['text', 'code_inline', 'code_block', 'fence'].includes(token.type)) parts.push(token.content);
      else if (token.type === 'image') parts.push(token.content);
      else if (['softbreak', 'hardbreak'].includes(token.type)) parts.push('\n');
      if (token.block && token.nesting === -1) parts.push('\n');
    }
  };
  walk(markdown.parse(source, {}));
  return (
    parts
      .join('')
      // Private-use characters are search snippets' highlight markers (search.service.ts): never in text.
      .replace(/[\uE000\uE001]/g, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{2,}/g, '\n')
      .trim()
  );
}

/**
 * True when a body shows nothing once rendered: no visible character and no image. A link
 * reference definition alone (`[x]: https://example.com`), a lone zero-width space or a rule
 * (`---`) are such bodies; stored, they would read as an empty (or "hidden") post.
 */
export function rendersEmpty(source: string): boolean {
  return isVisiblyEmpty(markdownToText(source)) && !/<img\s/.test(renderMarkdown(source));
}
