import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '@parvis/domain';
import type { Resource } from 'i18next';

export const LANGUAGE_STORAGE_KEY = 'parvis.language';

/** The cookie that remembers the chosen language, so that the server renders pages in it too. */
export const LANGUAGE_COOKIE = 'parvis_language';

/**
 * An i18next instance over the given namespaces (`common` is the default one). The language is
 * `language` when given (the one the server rendered the page in), else the one chosen last
 * (remembered in a cookie and localStorage), else the browser's, else English. The server applies
 * the same rule: the cookie, else the member's own preference, else Accept-Language.
 */
export function setupI18n(resources: Resource & { en: Resource[string] }, language?: string) {
  const instance = i18n.createInstance();
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      lng: language,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      defaultNS: 'common',
      ns: Object.keys(resources.en),
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
