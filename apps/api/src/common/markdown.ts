import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written by people becomes HTML on the server, in two steps that each stand on their
 * own: markdown-it with raw HTML disabled (a `<script>` typed in a post is shown as text), then
 * sanitize-html with an allow-list, so that even a markdown-it bug cannot let a script, an event
 * handler or a javascript:/data: link through. Links get rel="nofollow ugc noopener" (user
 * content, no ranking credit, no access to window.opener) and open in a new tab.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

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
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener', target: '_blank' }),
  },
};

/** Sanitized HTML for a Markdown body. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
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
