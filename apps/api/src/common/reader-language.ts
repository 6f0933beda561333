import { isLanguage, Language } from '@parvis/domain';
import type { GraphQLContext } from './viewer';

/** The first language of an Accept-Language header that Parvis speaks (by weight, then order), or null. */
export function acceptedLanguage(header: string | undefined): Language | null {
  const best = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { language: knownLanguage(range), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)[0];
  return best?.language ?? null;
}

/** `fr`, `fr-CA`, ` FR ` → fr; anything Parvis does not speak → null. */
export function knownLanguage(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const primary = value.trim().toLowerCase().split('-')[0];
  return isLanguage(primary) ? primary : null;
}

/**
 * The language a request's texts (space names…) are answered in: the one the server renderer
 * renders the page in; else the request's Accept-Language, which the web app sets to its
 * interface language on every GraphQL request; else the signed-in member's preference; else English.
 */
export function readerLanguage(ctx: GraphQLContext): Language {
  return (
    knownLanguage(ctx.language) ??
    acceptedLanguage(ctx.req?.headers?.['accept-language']) ??
    knownLanguage(ctx.req?.viewer?.locale) ??
    'en'
  );
}
