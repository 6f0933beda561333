import { User } from '../identity/user.entity';
import { Post } from '../threads/post.entity';
import { lockThreadRow } from '../threads/thread-lock';
import { Thread } from '../threads/thread.entity';
import {
  hoursBeforeNow,
  SeedContext,
  seedAccept,
  seedQuestion,
  seedReply,
  seedResolve,
} from './seed-context';

/**
 * The help space of the demo community: threads in French, English and Spanish, some answered
 * and resolved, some negative and unanswered, some overdue on their answer clocks, with thanks,
 * an edited question and a private follow-up. Everything is written through the threads'
 * services with past timestamps (the clocks need a history), so counters, clocks, reputation,
 * tones and the public log follow the same rules as in the running API.
 */
export async function seedThreads(ctx: SeedContext): Promise<void> {
  const { camille, diego, sarah, malik, ines, tom, lucia } = ctx.people;

  // French, answered by an expert, thanked, then resolved by a moderator.
  const card = await seedQuestion(
    ctx,
    camille,
    'fr',
    72,
    'Ma carte est refusée pour les achats en ligne depuis la mise à jour',
    'Bonjour,\n\nDepuis la dernière mise à jour de l’application, ma carte est **refusée** sur tous les sites marchands. En magasin, elle fonctionne.\n\nQuelqu’un a une idée ?',
  );
  await seedReply(ctx, card, ines, 71, 'Pareil pour moi depuis lundi, je suis preneuse de la solution.');
  const cardAnswer = await seedReply(
    ctx,
    card,
    diego,
    70.5,
    'Bonjour Camille,\n\nLa mise à jour a désactivé la validation **3-D Secure** pour certaines cartes. Pour la réactiver :\n\n1. Ouvrez *Profil › Sécurité*\n2. Activez « Paiements en ligne »\n3. Validez avec votre code\n\nLe paiement passe ensuite immédiatement.',
  );
  await seedReply(
    ctx,
    card,
    sarah,
    69,
    'Merci Diego. Nous avons corrigé le réglage par défaut dans la version 4.2.1, disponible aujourd’hui. Désolée pour la gêne, Camille et Inès.',
  );
  await seedAccept(ctx, card, cardAnswer, camille, 68);
  await thank(ctx, cardAnswer, camille);
  await thank(ctx, cardAnswer, ines);
  await seedResolve(ctx, card, malik, 60);

  // English, answered by a fellow member (the community solves the basics).
  const csv = await seedQuestion(
    ctx,
    tom,
    'en',
    30,
    'How do I export my order history as a CSV file?',
    'I need my orders of the last year for my accountant. Is there an export somewhere?',
  );
  const csvAnswer = await seedReply(
    ctx,
    csv,
    lucia,
    29,
    'Yes: go to **Account › Orders**, choose the period, then *Export › CSV*. The file arrives by e-mail within a few minutes.',
  );
  await seedAccept(ctx, csv, csvAnswer, tom, 28);
  await thank(ctx, csvAnswer, tom);

  // Spanish, acknowledged by the expert in time, still waiting for its answer.
  const sms = await seedQuestion(
    ctx,
    lucia,
    'es',
    5,
    'No recibo el código de verificación por SMS',
    'Cada vez que intento iniciar sesión me piden un código, pero el SMS nunca llega. Mi número es correcto.',
  );
  await seedReply(
    ctx,
    sms,
    diego,
    4.6,
    'Hola Lucía, ¿tu operador bloquea los mensajes de números cortos? Prueba también la opción *Recibir una llamada* mientras lo revisamos.',
  );

  // French, negative and unanswered for 30 hours: both clocks have run out.
  await seedQuestion(
    ctx,
    ines,
    'fr',
    30,
    'Service client inexistant, je suis très déçue',
    'Trois e-mails sans réponse en une semaine pour un colis jamais arrivé. C’est inacceptable pour une marque qui se dit proche de ses clients.',
  );

  // English, negative, two hours without a first response: overdue.
  await seedQuestion(
    ctx,
    tom,
    'en',
    2,
    'Third delivery delayed in a row, this is unacceptable',
    'My order was supposed to arrive last Friday, then Monday, and now the tracking says "delayed" again. Nobody tells me why.',
  );

  // English, just asked: the clocks are still running.
  await seedQuestion(
    ctx,
    camille,
    'en',
    0.3,
    'Can I change the delivery address after ordering?',
    'I ordered an hour ago and realised the old address was selected. The order is not shipped yet.',
  );

  // Spanish, confidential banking case: staff continue privately; the thread stays public.
  const charge = await seedQuestion(
    ctx,
    lucia,
    'es',
    26,
    'Cobro duplicado en mi tarjeta',
    'Me han cobrado dos veces el mismo pedido (49,90 €). ¿Cómo puedo recuperar el dinero?',
  );
  await seedReply(
    ctx,
    charge,
    sarah,
    25.5,
    'Hola Lucía, lo siento mucho. Para revisar tu cuenta sin exponer datos personales, sigo contigo en privado.',
  );
  await followUp(ctx, charge, 25.4, [
    [
      sarah,
      'Hola Lucía, ¿puedes indicarme los 4 últimos dígitos de la tarjeta y la fecha de los dos cargos?',
    ],
    [lucia, 'Termina en 4821, los dos cargos son del 12 de noviembre.'],
    [sarah, 'Gracias. He pedido el reembolso del cargo duplicado: lo verás en 3 a 5 días laborables.'],
  ]);

  // French, an edited question (its first version stays readable), answered and accepted.
  const crash = await seedQuestion(
    ctx,
    camille,
    'fr',
    50,
    'L’application plante au démarrage sur Android 14',
    'L’appli plante.',
  );
  await edit(
    ctx,
    crash.question,
    49.8,
    'L’application se ferme dès l’écran d’accueil sur mon Pixel 7 (Android 14), version 4.2.0. J’ai déjà redémarré le téléphone.',
  );
  const crashAnswer = await seedReply(
    ctx,
    crash,
    diego,
    48,
    'Videz le cache de l’application (*Paramètres › Applications › Parvis › Stockage › Vider le cache*) : la 4.2.0 garde un fichier corrompu de la version précédente.',
  );
  await seedReply(ctx, crash, camille, 47, 'Ça marche, merci beaucoup !');
  await seedAccept(ctx, crash, crashAnswer, camille, 47);
  await thank(ctx, crashAnswer, camille);
  await thank(ctx, crashAnswer, malik);

  // English, resolved by a moderator after an official answer to a negative post.
  const price = await seedQuestion(
    ctx,
    ines,
    'en',
    100,
    'Why did the subscription price go up without notice?',
    'I was charged €12.99 instead of €9.99 this month. I never received any e-mail about it.',
  );
  const official = await seedReply(
    ctx,
    price,
    sarah,
    99.2,
    'Hello Inès, you are right that the e-mail did not reach everyone: a sending error affected 8% of subscribers. We are refunding the difference for the first month to everyone concerned, you included.',
  );
  await thank(ctx, official, ines);
  await seedAccept(ctx, price, official, malik, 98);
  await seedResolve(ctx, price, malik, 90);
}

async function thank(ctx: SeedContext, post: Post, by: User): Promise<void> {
  await ctx.services.answers.toggleThanks(ctx.tx, post, by);
}

/** An edit by the post's author (the only one who edits; the database keeps the earlier version). */
async function edit(ctx: SeedContext, post: Post, hoursAgo: number, body: string): Promise<void> {
  await ctx.services.posts.revise(ctx.tx, post, body, hoursBeforeNow(ctx, hoursAgo));
}

/** A private follow-up opened by the author of its first message (staff), then a message every half hour. */
async function followUp(
  ctx: SeedContext,
  thread: Thread,
  hoursAgo: number,
  [[agent, first], ...messages]: [User, string][],
): Promise<void> {
  const { followUps } = ctx.services;
  const row = await lockThreadRow(ctx.tx, thread.id);
  const opened = await followUps.open(ctx.tx, row, agent, first, hoursBeforeNow(ctx, hoursAgo));
  for (const [i, [author, body]] of messages.entries())
    await followUps.addMessage(
      ctx.tx,
      opened.id,
      author,
      body,
      hoursBeforeNow(ctx, hoursAgo - (i + 1) * 0.5),
    );
}
