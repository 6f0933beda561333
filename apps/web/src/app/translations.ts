import { setupI18n } from '../lib/i18n';
import commonEn from './i18n/en.json';
import commonEs from './i18n/es.json';
import commonFr from './i18n/fr.json';
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
import mailEn from '../mail/i18n/en.json';
import mailEs from '../mail/i18n/es.json';
import mailFr from '../mail/i18n/fr.json';
import deskEn from '../desk/i18n/en.json';
import deskEs from '../desk/i18n/es.json';
import deskFr from '../desk/i18n/fr.json';
import reportsEn from '../reports/i18n/en.json';
import reportsEs from '../reports/i18n/es.json';
import reportsFr from '../reports/i18n/fr.json';
import homeEn from '../home/i18n/en.json';
import homeEs from '../home/i18n/es.json';
import homeFr from '../home/i18n/fr.json';

/**
 * French, English and Spanish, one namespace per feature (its own i18n/ folder) and `common`
 * (app/i18n/) for the shared components. A feature adds its namespace here with one line per
 * language: the registry lives in app/ because it knows every feature; lib/i18n.ts knows none.
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
    mail: mailEn,
    desk: deskEn,
    reports: reportsEn,
    home: homeEn,
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
    mail: mailFr,
    desk: deskFr,
    reports: reportsFr,
    home: homeFr,
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
    mail: mailEs,
    desk: deskEs,
    reports: reportsEs,
    home: homeEs,
  },
} as const;

/** The app's i18next instance, in `language` or the reader's. */
export function createAppI18n(language?: string) {
  return setupI18n(resources, language);
}
