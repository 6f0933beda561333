import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useAbsoluteUrl } from '../lib/page';

/** At most this many characters of a description: what search engines show of it. */
const DESCRIPTION_LENGTH = 160;

/**
 * What search engines and link previews read of a page: its title, description, canonical
 * address, Open Graph and Twitter card, and optionally structured data (JSON-LD). React hoists
 * these tags into the document's <head>, on the server and in the browser alike.
 */
export function PageHead({
  title,
  description,
  type = 'website',
  jsonLd,
  noIndex = false,
}: {
  title: string;
  description?: string;
  type?: 'website' | 'article';
  jsonLd?: object;
  noIndex?: boolean;
}) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const absolute = useAbsoluteUrl();
  const siteName = t('appName');
  const fullTitle = title === siteName ? title : `${title} · ${siteName}`;
  const summary = excerpt(description ?? t('tagline'), DESCRIPTION_LENGTH);
  const canonical = absolute(pathname + (pathname === '/search' ? search : ''));
  return (
    <>
      <title>{fullTitle}</title>
      <meta name="description" content={summary} />
      {noIndex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
      <meta property="og:site_name" content={siteName} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={summary} />
      <meta property="og:url" content={canonical} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={summary} />
      {jsonLd && (
        <script
          type="application/ld+json"
          // JSON in a script element: "<" is escaped so no text can close the element.
          dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
        />
      )}
    </>
  );
}

/** Plain text from HTML (sanitized by the API): tags dropped, the entities it writes decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (_, entity: string) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', amp: '&' };

/** At most `length` characters, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, length: number): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= length) return plain;
  const cut = plain.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}
