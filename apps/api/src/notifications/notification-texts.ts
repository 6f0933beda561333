import { MailLocale } from '../mail/mail-templates';
import { NotificationKind } from './notification.entity';

/**
 * The sentences of notification e-mails, in the recipient's language (the web app has its own,
 * in its i18n files). Built from the notice's kind, its ids and codes, the actor's name and the
 * subject's title as resolved when the mail is written: a title nobody may read is never given.
 */
export interface NoticeWords {
  kind: NotificationKind;
  actorName: string | null;
  /** The subject's public title, or null when it is hidden (then a neutral word replaces it). */
  title: string | null;
  data: Record<string, string | null>;
  /** How many more people did the same (thanks grouped in a digest). */
  others?: number;
}

interface Locale {
  someone: string;
  aThread: string;
  quote: (title: string) => string;
  and: (name: string, others: number) => string;
  sentence: (w: {
    kind: NotificationKind;
    who: string;
    /** Several people did it (grouped thanks). */
    plural: boolean;
    what: string;
    data: Record<string, string | null>;
  }) => string;
  hiddenHelp: string;
  /** Under a reply's mail: the next replies' mails wait until the thread is opened. */
  untilRead: string;
  action: string;
  greeting: (name: string) => string;
  digestSubject: { DAILY: (brand: string) => string; WEEKLY: (brand: string) => string };
  digestIntro: { DAILY: string; WEEKLY: string };
  digestAction: string;
  status: Record<string, string>;
  rule: Record<string, string>;
}

const LOCALES: Record<MailLocale, Locale> = {
  en: {
    someone: 'Someone',
    aThread: 'a thread',
    quote: (t) => `“${t}”`,
    and: (name, n) => (n > 0 ? `${name} and ${n} other${n > 1 ? 's' : ''}` : name),
    sentence: ({ kind, who, what, data }) => {
      switch (kind) {
        case 'REPLY':
          return `${who} replied in ${what}`;
        case 'MENTIONED':
          return `${who} mentioned you in ${what}`;
        case 'ANSWER_ACCEPTED':
          return `${who} accepted your reply as the answer in ${what}`;
        case 'THREAD_ANSWERED':
          return `${who} marked your question ${what} answered`;
        case 'THREAD_RESOLVED':
          return `${who} marked your question ${what} resolved`;
        case 'THANKED':
          return `${who} thanked your post in ${what}`;
        case 'PRIVATE_FOLLOW_UP':
          return data.started
            ? `${who} started a private follow-up with you about ${what}`
            : `${who} wrote in your private follow-up about ${what}`;
        case 'POST_HIDDEN':
          return `A moderator hid your post in ${what} (rule: ${LOCALES.en.rule[data.rule ?? 'OTHER']})`;
        case 'POST_RESTORED':
          return `A moderator restored your post in ${what}`;
        case 'IDEA_STATUS_CHANGED':
          return `The idea ${what} is now: ${LOCALES.en.status[data.to ?? ''] ?? data.to}`;
        case 'IDEA_MERGED':
          return `The idea ${what} was merged into another idea, with its votes`;
        case 'CAMPAIGN_CLOSED':
          return data.winnerTitle
            ? `The campaign ${what} has closed: the winner is “${data.winnerTitle}”`
            : `The campaign ${what} has closed`;
        case 'SLA_AT_RISK':
          return data.clock === 'FIRST_RESPONSE'
            ? `${what} is about to miss its first-response deadline`
            : `${what} is about to miss its answer deadline`;
        case 'THREAD_ASSIGNED':
          return `${who} assigned ${what} to you`;
        case 'NOTE_MENTIONED':
          return `${who} mentioned you in an internal note on ${what}`;
      }
    },
    hiddenHelp:
      'You can still read it. The charter explains the rules; to ask about it, reply to the moderator in the thread or write to the staff.',
    untilRead:
      'Until you open the thread, its next replies wait for you there: you get no other e-mail about them.',
    action: 'Open it',
    greeting: (name) => `Hello ${name},`,
    digestSubject: {
      DAILY: (brand) => `Your daily ${brand} digest`,
      WEEKLY: (brand) => `Your weekly ${brand} digest`,
    },
    digestIntro: {
      DAILY: 'What happened for you since yesterday:',
      WEEKLY: 'What happened for you this week:',
    },
    digestAction: 'See all your notifications',
    status: {
      NEW: 'new',
      UNDER_REVIEW: 'under review',
      PLANNED: 'planned',
      IN_PROGRESS: 'in progress',
      LAUNCHED: 'launched',
      DECLINED: 'declined',
      MERGED: 'merged',
    },
    rule: {
      PERSONAL_DATA: 'personal data',
      INSULT: 'insult',
      SPAM: 'spam',
      OFF_TOPIC: 'off-topic advertising',
      OTHER: 'another breach of the charter',
    },
  },
  fr: {
    someone: 'Quelqu’un',
    aThread: 'une discussion',
    quote: (t) => `« ${t} »`,
    and: (name, n) => (n > 0 ? `${name} et ${n} autre${n > 1 ? 's' : ''}` : name),
    sentence: ({ kind, who, plural, what, data }) => {
      switch (kind) {
        case 'REPLY':
          return `${who} a répondu dans ${what}`;
        case 'MENTIONED':
          return `${who} vous a mentionné dans ${what}`;
        case 'ANSWER_ACCEPTED':
          return `${who} a accepté votre réponse comme la solution dans ${what}`;
        case 'THREAD_ANSWERED':
          return `${who} a marqué votre question ${what} comme répondue`;
        case 'THREAD_RESOLVED':
          return `${who} a marqué votre question ${what} comme résolue`;
        case 'THANKED':
          return `${who} ${plural ? 'vous ont' : 'vous a'} remercié pour votre message dans ${what}`;
        case 'PRIVATE_FOLLOW_UP':
          return data.started
            ? `${who} a ouvert un suivi privé avec vous à propos de ${what}`
            : `${who} a écrit dans votre suivi privé à propos de ${what}`;
        case 'POST_HIDDEN':
          return `Un modérateur a masqué votre message dans ${what} (règle : ${LOCALES.fr.rule[data.rule ?? 'OTHER']})`;
        case 'POST_RESTORED':
          return `Un modérateur a rétabli votre message dans ${what}`;
        case 'IDEA_STATUS_CHANGED':
          return `L’idée ${what} est maintenant : ${LOCALES.fr.status[data.to ?? ''] ?? data.to}`;
        case 'IDEA_MERGED':
          return `L’idée ${what} a été fusionnée avec une autre idée, avec ses votes`;
        case 'CAMPAIGN_CLOSED':
          return data.winnerTitle
            ? `La campagne ${what} est close : l’idée gagnante est « ${data.winnerTitle} »`
            : `La campagne ${what} est close`;
        case 'SLA_AT_RISK':
          return data.clock === 'FIRST_RESPONSE'
            ? `${what} va bientôt dépasser le délai de première réponse`
            : `${what} va bientôt dépasser le délai de réponse`;
        case 'THREAD_ASSIGNED':
          return `${who} vous a confié ${what}`;
        case 'NOTE_MENTIONED':
          return `${who} vous a mentionné dans une note interne sur ${what}`;
      }
    },
    hiddenHelp:
      'Vous pouvez toujours le lire. La charte explique les règles ; pour en parler, répondez au modérateur dans la discussion ou écrivez à l’équipe.',
    untilRead:
      'Tant que vous n’ouvrez pas la discussion, ses prochaines réponses vous y attendent : vous ne recevez pas d’autre e-mail à leur sujet.',
    action: 'Ouvrir',
    greeting: (name) => `Bonjour ${name},`,
    digestSubject: {
      DAILY: (brand) => `Votre résumé quotidien ${brand}`,
      WEEKLY: (brand) => `Votre résumé hebdomadaire ${brand}`,
    },
    digestIntro: {
      DAILY: 'Ce qui s’est passé pour vous depuis hier :',
      WEEKLY: 'Ce qui s’est passé pour vous cette semaine :',
    },
    digestAction: 'Voir toutes vos notifications',
    status: {
      NEW: 'nouvelle',
      UNDER_REVIEW: 'à l’étude',
      PLANNED: 'prévue',
      IN_PROGRESS: 'en cours',
      LAUNCHED: 'lancée',
      DECLINED: 'refusée',
      MERGED: 'fusionnée',
    },
    rule: {
      PERSONAL_DATA: 'données personnelles',
      INSULT: 'insulte',
      SPAM: 'spam',
      OFF_TOPIC: 'publicité hors sujet',
      OTHER: 'autre manquement à la charte',
    },
  },
  es: {
    someone: 'Alguien',
    aThread: 'un hilo',
    quote: (t) => `«${t}»`,
    and: (name, n) => (n > 0 ? `${name} y ${n} persona${n > 1 ? 's' : ''} más` : name),
    sentence: ({ kind, who, plural, what, data }) => {
      switch (kind) {
        case 'REPLY':
          return `${who} respondió en ${what}`;
        case 'MENTIONED':
          return `${who} le mencionó en ${what}`;
        case 'ANSWER_ACCEPTED':
          return `${who} aceptó su respuesta como la solución en ${what}`;
        case 'THREAD_ANSWERED':
          return `${who} marcó su pregunta ${what} como respondida`;
        case 'THREAD_RESOLVED':
          return `${who} marcó su pregunta ${what} como resuelta`;
        case 'THANKED':
          return `${who} ${plural ? 'agradecieron' : 'agradeció'} su mensaje en ${what}`;
        case 'PRIVATE_FOLLOW_UP':
          return data.started
            ? `${who} abrió un seguimiento privado con usted sobre ${what}`
            : `${who} escribió en su seguimiento privado sobre ${what}`;
        case 'POST_HIDDEN':
          return `Un moderador ocultó su mensaje en ${what} (regla: ${LOCALES.es.rule[data.rule ?? 'OTHER']})`;
        case 'POST_RESTORED':
          return `Un moderador restableció su mensaje en ${what}`;
        case 'IDEA_STATUS_CHANGED':
          return `La idea ${what} ahora está: ${LOCALES.es.status[data.to ?? ''] ?? data.to}`;
        case 'IDEA_MERGED':
          return `La idea ${what} se fusionó con otra idea, con sus votos`;
        case 'CAMPAIGN_CLOSED':
          return data.winnerTitle
            ? `La campaña ${what} ha cerrado: la idea ganadora es «${data.winnerTitle}»`
            : `La campaña ${what} ha cerrado`;
        case 'SLA_AT_RISK':
          return data.clock === 'FIRST_RESPONSE'
            ? `${what} está a punto de superar el plazo de primera respuesta`
            : `${what} está a punto de superar el plazo de respuesta`;
        case 'THREAD_ASSIGNED':
          return `${who} le asignó ${what}`;
        case 'NOTE_MENTIONED':
          return `${who} le mencionó en una nota interna sobre ${what}`;
      }
    },
    hiddenHelp:
      'Usted todavía puede leerlo. La carta explica las reglas; para preguntar, responda al moderador en el hilo o escriba al equipo.',
    untilRead:
      'Mientras no abra el hilo, sus próximas respuestas le esperan allí: no recibirá otro correo sobre ellas.',
    action: 'Abrir',
    greeting: (name) => `Hola ${name}:`,
    digestSubject: {
      DAILY: (brand) => `Su resumen diario de ${brand}`,
      WEEKLY: (brand) => `Su resumen semanal de ${brand}`,
    },
    digestIntro: {
      DAILY: 'Lo que pasó para usted desde ayer:',
      WEEKLY: 'Lo que pasó para usted esta semana:',
    },
    digestAction: 'Ver todas sus notificaciones',
    status: {
      NEW: 'nueva',
      UNDER_REVIEW: 'en estudio',
      PLANNED: 'prevista',
      IN_PROGRESS: 'en curso',
      LAUNCHED: 'lanzada',
      DECLINED: 'rechazada',
      MERGED: 'fusionada',
    },
    rule: {
      PERSONAL_DATA: 'datos personales',
      INSULT: 'insulto',
      SPAM: 'spam',
      OFF_TOPIC: 'publicidad fuera de tema',
      OTHER: 'otro incumplimiento de la carta',
    },
  },
};

export function wordsFor(locale: MailLocale): Locale {
  return LOCALES[locale];
}

/** The one sentence that tells the recipient what happened. */
export function noticeSentence(locale: MailLocale, words: NoticeWords): string {
  const l = LOCALES[locale];
  const who = l.and(words.actorName ?? l.someone, words.others ?? 0);
  const what = words.title ? l.quote(words.title) : l.aThread;
  return l.sentence({ kind: words.kind, who, plural: (words.others ?? 0) > 0, what, data: words.data });
}

/** Where a notice leads: the exact post, the follow-up, the idea or the campaign (a path under PUBLIC_URL). */
export function noticePath(
  subject: { type: string; id: string },
  data: Record<string, string | null>,
): string {
  if (data.followUpId) return `/follow-ups/${data.followUpId}`;
  switch (subject.type) {
    case 'IDEA':
      return `/ideas/${subject.id}`;
    case 'CAMPAIGN':
      return `/campaigns/${subject.id}`;
    default:
      return data.postId ? `/t/${subject.id}?post=${data.postId}#post-${data.postId}` : `/t/${subject.id}`;
  }
}

/** The list a notification mail of this kind belongs to: its unsubscribe link turns this kind's e-mail off. */
export function mailListOf(kind: NotificationKind): string {
  return `n-${kind.toLowerCase().replace(/_/g, '-')}`;
}

export const DIGEST_LISTS = { DAILY: 'digest-daily', WEEKLY: 'digest-weekly' } as const;
