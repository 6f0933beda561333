import { Language } from '@parvis/domain';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { User } from '../identity/user.entity';
import { DEMO_REGULARS } from './demo-accounts';
import { Post } from '../threads/post.entity';
import { hoursBeforeNow, SeedContext, seedAccept, seedQuestion, seedReply } from './seed-context';

/*
 * Six weeks of help-space history before the demo's stories, so that the staff report and the
 * executive digest have something to measure: questions three days a week in three languages, first
 * responses by the expert or the team (most in time, some late, some never), accepted answers by
 * community members, the expert and the team, a few complaints answered (in time or not), and
 * the new-question form's attempts (suggestions shown, opened, no question posted). Written
 * through the same services as the rest of the demo, by regulars whose notices stay in the app.
 */

/** How one question of the history goes: who responds first and when, who answers and when. */
interface Case {
  /** Minutes after the question; null: no expert or staff ever responds. */
  firstResponse: { by: 'expert' | 'staff'; after: number } | null;
  /** Hours after the question; null: never answered. */
  answer: { by: 'community' | 'expert' | 'staff'; after: number } | null;
  /** A member's complaint an hour in, marked answered by the team `answeredAfter` minutes later. */
  complaint?: { answeredAfter: number };
}

const CASES: Case[] = [
  { firstResponse: { by: 'expert', after: 25 }, answer: { by: 'expert', after: 3 } },
  { firstResponse: { by: 'staff', after: 40 }, answer: { by: 'community', after: 8 } },
  {
    firstResponse: { by: 'staff', after: 95 },
    answer: { by: 'staff', after: 30 },
    complaint: { answeredAfter: 150 },
  },
  { firstResponse: null, answer: { by: 'community', after: 5 } },
  { firstResponse: { by: 'expert', after: 15 }, answer: { by: 'community', after: 2 } },
  { firstResponse: { by: 'staff', after: 50 }, answer: null, complaint: { answeredAfter: 30 } },
  { firstResponse: { by: 'expert', after: 35 }, answer: { by: 'expert', after: 20 } },
  { firstResponse: { by: 'staff', after: 10 }, answer: { by: 'community', after: 12 } },
];

const QUESTIONS: Record<Language, [string, string][]> = {
  fr: [
    [
      'Comment changer l’adresse de livraison d’une commande ?',
      'Ma commande est partie à mon ancienne adresse. Peut-on la modifier ?',
    ],
    [
      'Le code promo de bienvenue ne s’applique pas',
      'Le panier refuse le code reçu par e-mail, il dit qu’il a expiré.',
    ],
    [
      'Notification de livraison reçue mais aucun colis',
      'Le suivi dit « livré » depuis hier, mais rien dans ma boîte aux lettres.',
    ],
  ],
  en: [
    [
      'How do I pause my subscription for a month?',
      'I am travelling in August and would rather not pay for nothing.',
    ],
    ['The app logs me out every time I close it', 'Since the last update I have to sign in again each time.'],
    [
      'Can I get an invoice with my company name?',
      'My employer reimburses the subscription but needs a proper invoice.',
    ],
  ],
  es: [
    ['¿Cómo cambio el método de pago?', 'Quiero pagar con otra tarjeta a partir del mes que viene.'],
    ['No puedo descargar la factura de mayo', 'El botón de descarga no hace nada en el móvil.'],
    ['La aplicación no muestra mis pedidos antiguos', 'Solo veo los pedidos de los últimos tres meses.'],
  ],
};

const ANSWERS: Record<Language, { response: string; answer: string; thanks: string; complaint: string }> = {
  fr: {
    response: 'Bonjour, nous regardons cela tout de suite.',
    answer:
      'Voici la marche à suivre : *Compte › Commandes*, puis « Modifier ». Cela fonctionne aussi depuis l’application.',
    thanks: 'C’est réglé, merci !',
    complaint: 'C’est inadmissible, toujours en panne et personne ne répond. Très déçue.',
  },
  en: {
    response: 'Hello, we are looking into it right now.',
    answer: 'Here is how: *Account › Orders*, then “Change”. It works from the app too.',
    thanks: 'Sorted, thank you!',
    complaint: 'This is unacceptable, still broken and nobody answers. Very disappointed.',
  },
  es: {
    response: 'Hola, lo estamos revisando ahora mismo.',
    answer: 'Así se hace: *Cuenta › Pedidos* y luego «Cambiar». También funciona desde la aplicación.',
    thanks: '¡Resuelto, gracias!',
    complaint: 'Es inaceptable, sigue sin funcionar y nadie responde. Muy decepcionado.',
  },
};

const LANGUAGES: Language[] = ['fr', 'en', 'es'];
const FIRST_DAY = 42;
const LAST_DAY = 5;

export async function seedHistory(ctx: SeedContext): Promise<void> {
  const { diego, sarah, malik } = ctx.people;
  const regulars = await ctx.tx.findBy(User, { email: In(DEMO_REGULARS.map((r) => r.email)) });
  const askers: User[] = DEMO_REGULARS.map((r) => regulars.find((u) => u.email === r.email)!);
  const team = { expert: diego, staff: sarah };
  let n = 0;
  for (let day = FIRST_DAY; day >= LAST_DAY; day--) {
    const weekday = new Date(hoursBeforeNow(ctx, day * 24)).getUTCDay();
    // Questions on Mondays (two: the weekend's), Wednesdays and Fridays.
    if (![1, 3, 5].includes(weekday)) continue;
    const perDay = weekday === 1 ? 2 : 1;
    for (let k = 0; k < perDay; k++, n++) {
      const language = LANGUAGES[n % 3];
      const [title, body] = QUESTIONS[language][Math.floor(n / 3) % 3];
      const words = ANSWERS[language];
      const asker = askers[n % askers.length];
      const helper = askers[(n + 1) % askers.length];
      const story = CASES[n % CASES.length];
      const asked = day * 24 - 9 - k * 3; // mid-morning, in hours before now
      const hoursAfter = (hours: number) => asked - hours;

      const attempt = await recordAttempt(ctx, asker, language, asked + 0.1, n % 4 === 0);
      const thread = await seedQuestion(ctx, asker, language, asked, title, body);
      await ctx.services.reports.recordAskStep(
        ctx.tx,
        asker.id,
        { attemptId: attempt, spaceId: ctx.spaces.help.id, event: 'POSTED', language, threadId: thread.id },
        hoursBeforeNow(ctx, asked),
      );
      if (story.firstResponse)
        await seedReply(
          ctx,
          thread,
          team[story.firstResponse.by],
          hoursAfter(story.firstResponse.after / 60),
          words.response,
        );
      if (story.complaint) {
        const complaint = await seedReply(ctx, thread, helper, hoursAfter(1), words.complaint);
        const apology = await seedReply(
          ctx,
          thread,
          sarah,
          hoursAfter(1 + story.complaint.answeredAfter / 60),
          words.response,
        );
        await ctx.services.moderation.markAnsweredBy(
          ctx.tx,
          complaint,
          apology,
          malik,
          hoursBeforeNow(ctx, hoursAfter(1 + story.complaint.answeredAfter / 60)),
        );
      }
      if (story.answer) {
        const author = story.answer.by === 'community' ? helper : team[story.answer.by];
        const answer: Post = await seedReply(
          ctx,
          thread,
          author,
          hoursAfter(story.answer.after - 0.2),
          words.answer,
        );
        await seedAccept(ctx, thread, answer, asker, hoursAfter(story.answer.after));
        await seedReply(ctx, thread, asker, hoursAfter(story.answer.after + 0.1), words.thanks);
      }
      // Others found their answer among the suggestions and did not ask.
      for (let d = 0; d < 2; d++)
        await recordAttempt(ctx, askers[(n + 2 + d) % askers.length], language, asked - 2 - d, d === 0);
    }
  }
}

/** An attempt to ask: suggestions shown, and (when `opened`) one opened; returns its id (posting is the caller's). */
async function recordAttempt(
  ctx: SeedContext,
  who: User,
  language: Language,
  ago: number,
  opened: boolean,
): Promise<string> {
  const attemptId = randomUUID();
  const step = (event: 'STARTED' | 'SUGGESTIONS_SHOWN' | 'SUGGESTION_OPENED', minutes: number) =>
    ctx.services.reports.recordAskStep(
      ctx.tx,
      who.id,
      { attemptId, spaceId: ctx.spaces.help.id, event, language },
      hoursBeforeNow(ctx, ago - minutes / 60),
    );
  await step('STARTED', 0);
  await step('SUGGESTIONS_SHOWN', 1);
  if (opened) await step('SUGGESTION_OPENED', 2);
  return attemptId;
}
