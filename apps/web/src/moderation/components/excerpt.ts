/**
 * The first words of a post's sanitized HTML, as plain text, for a one-line excerpt (the queue's
 * context, the answer picker). Parsed by an inert document, so nothing in it runs or loads.
 */
export function excerptOf(html: string, max = 140): string {
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
