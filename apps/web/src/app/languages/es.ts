import common from '../i18n/es.json';
import identity from '../../identity/i18n/es.json';
import spaces from '../../spaces/i18n/es.json';
import ideas from '../../ideas/i18n/es.json';
import notifications from '../../notifications/i18n/es.json';
import threads from '../../threads/i18n/es.json';
import search from '../../search/i18n/es.json';
import moderation from '../../moderation/i18n/es.json';
import mail from '../../mail/i18n/es.json';
import desk from '../../desk/i18n/es.json';
import reports from '../../reports/i18n/es.json';
import home from '../../home/i18n/es.json';

/**
 * Every word of the app in Spanish, one namespace per feature. The browser loads only the
 * reader's language (app/browser-i18n.ts); a feature adds its namespace here and in the other two
 * languages' files (app/translations.spec.ts checks they say the same things).
 */
const messages = {
  common,
  identity,
  spaces,
  ideas,
  notifications,
  threads,
  search,
  moderation,
  mail,
  desk,
  reports,
  home,
};

export default messages;
