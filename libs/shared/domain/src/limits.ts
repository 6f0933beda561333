import { isOneOf } from './one-of';

/** Limits shared by the API's validation and the web app's forms, so both say the same thing. */
export const LIMITS = {
  email: { max: 254 },
  displayName: { min: 2, max: 40 },
  password: { min: 10, max: 200 },
} as const;

export const LANGUAGES = ['fr', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = isOneOf(LANGUAGES);

/** The language a person writes in by default: their chosen one, else English. */
export function languageOrEnglish(locale: string | null | undefined): Language {
  return isLanguage(locale) ? locale : 'en';
}
