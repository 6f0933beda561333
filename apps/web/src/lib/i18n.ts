import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '@parvis/domain';
import type { Resource } from 'i18next';

export const LANGUAGE_STORAGE_KEY = 'parvis.language';

/**
 * An i18next instance over the given namespaces (`common` is the default one). The language is
 * the one chosen last (remembered in localStorage), else the browser's, else English.
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
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
    });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncHtmlLang(instance.resolvedLanguage ?? 'en');
  instance.on('languageChanged', syncHtmlLang);
  return instance;
}
