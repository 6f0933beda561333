import type { Language } from '@parvis/domain';
import { setupI18n } from '../lib/i18n';
import en from './languages/en';
import es from './languages/es';
import fr from './languages/fr';

/**
 * French, English and Spanish, one namespace per feature (its own i18n/ folder) and `common`
 * (app/i18n/) for the shared components, gathered per language in app/languages/. The registry
 * lives in app/ because it knows every feature; lib/i18n.ts knows none. All three languages at
 * once are for the server renderer and the tests; the browser loads one (app/browser-i18n.ts).
 */
export const resources = { en, fr, es } as const;

/** An i18next instance with every language, in `language` or the reader's. */
export function createAppI18n(language?: string) {
  return setupI18n(resources, language);
}

/** The module of a language's words as the build's manifest names it: the server preloads it. */
export const languageModule = (language: Language) => `src/app/languages/${language}.ts`;
