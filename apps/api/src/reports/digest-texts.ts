import type { MailLocale } from '../mail/mail-templates';
import { wordsFor } from '../notifications/notification-texts';
import type { ExecutiveDigest } from './executive-digest.service';

/** The executive digest's mail, worded in the recipient's language (subject, greeting, body paragraphs, action). */
export function digestMail(
  locale: MailLocale,
  digest: ExecutiveDigest,
  brand: string,
  name: string,
): { subject: string; greeting: string; body: string; action: string } {
  const w = WORDS[locale];
  // Idea statuses are worded as in the notifications' mails.
  const ideaStatus: Record<string, string> = wordsFor(locale).status;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${digest.day}T12:00:00Z`),
  );
  const paragraphs = [
    w.intro(date, brand),
    w.questions(digest.questions),
    w.acknowledged(digest.acknowledgedInTime, digest.acknowledgedLate, digest.acknowledgementPending),
    w.answered(digest.answeredInTime, digest.answeredLate, digest.answerPending),
    digest.hottestNegative.length === 0
      ? w.noNegative
      : [
          w.hottestTitle,
          ...digest.hottestNegative.map(
            (t) =>
              `• ${t.title} — ${w.negativePosts(t.negativePosts, t.answered)} — ${w.status[t.status] ?? t.status}${
                t.acknowledgedAt ? '' : ` — ${w.notAcknowledged}`
              }`,
          ),
        ].join('\n'),
    digest.ideasMoved.length === 0
      ? w.noIdeas
      : [
          w.ideasTitle,
          ...digest.ideasMoved.map(
            (m) =>
              `• ${m.title}: ${ideaStatus[m.fromStatus] ?? m.fromStatus} → ${ideaStatus[m.toStatus] ?? m.toStatus}`,
          ),
        ].join('\n'),
  ];
  return {
    subject: w.subject(brand, date),
    greeting: w.hello(name),
    body: paragraphs.join('\n\n'),
    action: w.action,
  };
}

interface DigestWords {
  subject: (brand: string, date: string) => string;
  hello: (name: string) => string;
  intro: (date: string, brand: string) => string;
  questions: (n: number) => string;
  acknowledged: (inTime: number, late: number, pending: number) => string;
  answered: (inTime: number, late: number, pending: number) => string;
  hottestTitle: string;
  negativePosts: (n: number, answered: number) => string;
  notAcknowledged: string;
  noNegative: string;
  ideasTitle: string;
  noIdeas: string;
  action: string;
  status: Record<string, string>;
}

const WORDS: Record<MailLocale, DigestWords> = {
  fr: {
    subject: (brand, date) => `${brand} — la communauté du ${date}`,
    hello: (name) => `Bonjour ${name},`,
    intro: (date, brand) =>
      `Voici la journée du ${date} dans la communauté ${brand}, face à nos engagements.`,
    questions: (n) => (n === 1 ? '1 question posée.' : `${n} questions posées.`),
    acknowledged: (a, l, p) =>
      `Prises en charge dans le délai promis : ${a} ; en retard : ${l} ; délai en cours : ${p}.`,
    answered: (a, l, p) => `Résolues dans le délai promis : ${a} ; en retard : ${l} ; délai en cours : ${p}.`,
    hottestTitle: 'Les fils négatifs les plus actifs :',
    negativePosts: (n, a) => `${n} message${n > 1 ? 's' : ''} négatif${n > 1 ? 's' : ''}, ${a} avec réponse`,
    notAcknowledged: 'pas encore pris en charge',
    noNegative: 'Aucun message négatif ce jour-là.',
    ideasTitle: 'Idées qui ont avancé :',
    noIdeas: 'Aucune idée n’a changé de statut.',
    action: 'Ouvrir le rapport',
    status: { OPEN: 'ouvert', ANSWERED: 'répondu', RESOLVED: 'résolu' },
  },
  en: {
    subject: (brand, date) => `${brand} — the community on ${date}`,
    hello: (name) => `Hello ${name},`,
    intro: (date, brand) => `Here is ${date} in the ${brand} community, against our promises.`,
    questions: (n) => (n === 1 ? '1 question asked.' : `${n} questions asked.`),
    acknowledged: (a, l, p) =>
      `Acknowledged within the promise: ${a}; late: ${l}; clock still running: ${p}.`,
    answered: (a, l, p) => `Answered within the promise: ${a}; late: ${l}; clock still running: ${p}.`,
    hottestTitle: 'The hottest negative threads:',
    negativePosts: (n, a) => `${n} negative post${n === 1 ? '' : 's'}, ${a} answered`,
    notAcknowledged: 'not acknowledged yet',
    noNegative: 'No negative post that day.',
    ideasTitle: 'Ideas that moved:',
    noIdeas: 'No idea changed status.',
    action: 'Open the report',
    status: { OPEN: 'open', ANSWERED: 'answered', RESOLVED: 'resolved' },
  },
  es: {
    subject: (brand, date) => `${brand} — la comunidad el ${date}`,
    hello: (name) => `Hola ${name}:`,
    intro: (date, brand) => `Así fue el ${date} en la comunidad ${brand}, frente a nuestros compromisos.`,
    questions: (n) => (n === 1 ? '1 pregunta formulada.' : `${n} preguntas formuladas.`),
    acknowledged: (a, l, p) =>
      `Atendidas en el plazo prometido: ${a}; con retraso: ${l}; plazo en curso: ${p}.`,
    answered: (a, l, p) =>
      `Respondidas en el plazo prometido: ${a}; con retraso: ${l}; plazo en curso: ${p}.`,
    hottestTitle: 'Los hilos negativos más activos:',
    negativePosts: (n, a) =>
      `${n} mensaje${n === 1 ? '' : 's'} negativo${n === 1 ? '' : 's'}, ${a} con respuesta`,
    notAcknowledged: 'aún sin atender',
    noNegative: 'Ningún mensaje negativo ese día.',
    ideasTitle: 'Ideas que avanzaron:',
    noIdeas: 'Ninguna idea cambió de estado.',
    action: 'Abrir el informe',
    status: { OPEN: 'abierto', ANSWERED: 'respondido', RESOLVED: 'resuelto' },
  },
};
