const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The first words of a post's sanitized HTML, as plain text, for a one-line excerpt (the queue's
 * context, the answer picker). Tags dropped and entities decoded as text (React escapes it
 * again): nothing in it is parsed as HTML, and it works the same when the page renders on the
 * server, where there is no DOMParser.
 */
export function excerptOf(html: string, max = 140): string {
  const text = html
    // Blocks end with a space between them; inline tags (<em>, <a>) vanish without one.
    .replace(/<\/?(p|br|li|ul|ol|h\d|blockquote|pre|div|tr|td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
