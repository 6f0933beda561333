import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '@parvis/domain';
import commonEn from '../app/i18n/en.json';
import commonEs from '../app/i18n/es.json';
import commonFr from '../app/i18n/fr.json';
import identityEn from '../identity/i18n/en.json';
import identityEs from '../identity/i18n/es.json';
import identityFr from '../identity/i18n/fr.json';
import spacesEn from '../spaces/i18n/en.json';
import spacesEs from '../spaces/i18n/es.json';
import spacesFr from '../spaces/i18n/fr.json';
import ideasEn from '../ideas/i18n/en.json';
import ideasEs from '../ideas/i18n/es.json';
import ideasFr from '../ideas/i18n/fr.json';
import notificationsEn from '../notifications/i18n/en.json';
import notificationsEs from '../notifications/i18n/es.json';
import notificationsFr from '../notifications/i18n/fr.json';
import threadsEn from '../threads/i18n/en.json';
import threadsEs from '../threads/i18n/es.json';
import threadsFr from '../threads/i18n/fr.json';
import searchEn from '../search/i18n/en.json';
import searchEs from '../search/i18n/es.json';
import searchFr from '../search/i18n/fr.json';
import moderationEn from '../moderation/i18n/en.json';
import moderationEs from '../moderation/i18n/es.json';
import moderationFr from '../moderation/i18n/fr.json';

/**
 * French, English and Spanish, one namespace per feature (its own i18n/ folder). The language
 * is the one chosen last (remembered in localStorage), else the browser's, else English.
 * A feature adds its namespace here with one line per language.
 */
export const resources = {
  en: {
    common: commonEn,
    identity: identityEn,
    spaces: spacesEn,
    ideas: ideasEn,
    notifications: notificationsEn,
    threads: threadsEn,
    search: searchEn,
    moderation: moderationEn,
  },
  fr: {
    common: commonFr,
    identity: identityFr,
    spaces: spacesFr,
    ideas: ideasFr,
    notifications: notificationsFr,
    threads: threadsFr,
    search: searchFr,
    moderation: moderationFr,
  },
  es: {
    common: commonEs,
    identity: identityEs,
    spaces: spacesEs,
    ideas: ideasEs,
    notifications: notificationsEs,
    threads: threadsEs,
    search: searchEs,
    moderation: moderationEs,
  },
} as const;

export const LANGUAGE_STORAGE_KEY = 'parvis.language';

export function setupI18n(language?: string) {
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
