import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '@parvis/domain';
import type { BackendModule, Resource, ResourceKey } from 'i18next';

export const LANGUAGE_STORAGE_KEY = 'parvis.language';

/** The cookie that remembers the chosen language, so that the server renders pages in it too. */
export const LANGUAGE_COOKIE = 'parvis_language';

/**
 * An i18next instance over the given namespaces (`common` is the default one). The language is
 * `language` when given (the one the server rendered the page in), else the one chosen last
 * (remembered in a cookie and localStorage), else the browser's, else English. The server applies
 * the same rule: the cookie, else the member's own preference, else Accept-Language.
 */
export function setupI18n(
  resources: Resource,
  language?: string,
  /** Loads a language not in `resources` when the reader switches to it. */
  loadLanguage?: (language: string) => Promise<Record<string, object>>,
) {
  const instance = i18n.createInstance();
  if (loadLanguage) instance.use(languageLoader(loadLanguage));
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      partialBundledLanguages: Boolean(loadLanguage),
      lng: language,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      // Every language has every key (app/translations.spec.ts): when languages load one at a
      // time, falling back to English would only download English for nothing.
      fallbackLng: loadLanguage ? false : 'en',
      defaultNS: 'common',
      ns: Object.keys(Object.values(resources)[0] ?? {}),
      interpolation: { escapeValue: false },
      showSupportNotice: false,
      initAsync: false,
      detection: {
        order: ['cookie', 'localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        lookupCookie: LANGUAGE_COOKIE,
        cookieMinutes: 60 * 24 * 365,
        cookieOptions: { path: '/', sameSite: 'lax' },
        caches: ['localStorage', 'cookie'],
      },
    });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncHtmlLang(instance.resolvedLanguage ?? 'en');
  instance.on('languageChanged', syncHtmlLang);
  return instance;
}

/** An i18next backend that takes a language's namespaces from `loadLanguage`. */
function languageLoader(loadLanguage: (language: string) => Promise<Record<string, object>>): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read: (language, namespace, callback) => {
      loadLanguage(language).then(
        (words) => callback(null, (words[namespace] ?? {}) as ResourceKey),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    },
  };
}
