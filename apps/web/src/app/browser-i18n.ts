import { languageOrEnglish, type Language } from '@parvis/domain';
import { setupI18n } from '../lib/i18n';

// One chunk per language: a reader downloads the words of their own language only.
const languages: Record<Language, () => Promise<{ default: Record<string, object> }>> = {
  en: () => import('./languages/en'),
  fr: () => import('./languages/fr'),
  es: () => import('./languages/es'),
};

/** The words of one language (each loaded once). */
const loaded = new Map<Language, Promise<Record<string, object>>>();
function wordsOf(language: Language): Promise<Record<string, object>> {
  let words = loaded.get(language);
  if (!words) loaded.set(language, (words = languages[language]().then((module) => module.default)));
  return words;
}

/**
 * The browser's i18next instance for a page the server rendered in `language`: that language
 * is loaded before hydration (the server preloads its chunk), another one when the reader
 * switches to it.
 */
export async function createBrowserI18n(pageLanguage: string) {
  const language = languageOrEnglish(pageLanguage);
  const words = await wordsOf(language);
  return setupI18n({ [language]: words }, language, (other) => wordsOf(languageOrEnglish(other)));
}
