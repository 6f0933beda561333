import { CharterRule } from '@parvis/domain';
import { User } from '../identity/user.entity';
import { Post } from '../threads/post.entity';
import { hoursBeforeNow, SeedContext, seedQuestion, seedReply, seedResolve } from './seed-context';

/**
 * Moderation in the demo community, through the moderation service's pieces (the public log
 * entries of the other seeds' answers, resolutions, idea statuses and merges are written by the
 * domains' own pieces, at the time they happened):
 * - a complaint about deliveries, answered by staff, marked answered and resolved by the moderator;
 *   in the same thread, a reply giving a delivery driver's phone number, flagged by two members
 *   and hidden under PERSONAL_DATA (its author still sees it; everyone else sees the notice);
 * - an open flag waiting in the queue, and a negative post nobody has answered yet.
 */
export async function seedModeration(ctx: SeedContext): Promise<void> {
  const { camille, diego, sarah, malik, ines, tom, lucia } = ctx.people;

  // A negative complaint, answered by staff, marked answered and resolved; a reply leaking a phone number, hidden.
  const delivery = await seedQuestion(
    ctx,
    ines,
    'fr',
    20,
    'Livraison ratée deux fois, je suis furieuse',
    'Deux rendez-vous de livraison manqués cette semaine, sans aucun appel. Je suis **très déçue** : c’est inacceptable.',
  );
  const leak = await seedReply(
    ctx,
    delivery,
    camille,
    19.5,
    'Même chose pour moi ! Appelez directement le livreur, c’est Karim : 06 12 34 56 78, il passe dans le quartier le mardi.',
  );
  await flag(ctx, leak, ines, 'PERSONAL_DATA', 'Le numéro de quelqu’un qui n’a rien demandé.', 19.2);
  await flag(ctx, leak, diego, 'PERSONAL_DATA', null, 19);
  await hide(
    ctx,
    leak,
    malik,
    'PERSONAL_DATA',
    'Les numéros de téléphone restent privés : écrivez-nous plutôt via le formulaire de contact.',
    18.8,
  );
  const answer = await seedReply(
    ctx,
    delivery,
    sarah,
    18.5,
    'Bonjour Inès, je suis Sarah du service livraison. Vous avez raison : le transporteur n’a pas prévenu. Votre colis repart ce matin avec un créneau garanti, et nous vous remboursons les frais de port.',
  );
  await seedReply(ctx, delivery, ines, 17, 'Colis reçu ce matin. Merci Sarah, c’est réglé.');
  await markAnswered(ctx, delivery.question, answer, malik, 16.5);
  await seedResolve(ctx, delivery, malik, 16);

  // An open flag in the queue: an advertisement posted as a reply.
  const shop = await seedQuestion(
    ctx,
    lucia,
    'es',
    6,
    '¿Funda compatible con el nuevo modelo?',
    '¿Alguien sabe si las fundas del modelo anterior sirven para el nuevo?',
  );
  const advert = await seedReply(
    ctx,
    shop,
    tom,
    5,
    'Best cases ever at cheap-cases.example, 50% off today only!!!',
  );
  await flag(ctx, advert, lucia, 'SPAM', 'Publicidad', 4.5);
  await flag(ctx, advert, camille, 'SPAM', null, 4);

  // A negative post nobody has answered yet: first in the moderators' queue.
  await seedQuestion(
    ctx,
    tom,
    'en',
    3,
    'The app logged me out again and my basket is gone',
    'Third time this week. I am really not happy: this is frustrating and nobody answers the chat.',
  );
}

async function flag(
  ctx: SeedContext,
  post: Post,
  member: User,
  reason: CharterRule,
  note: string | null,
  hoursAgo: number,
): Promise<void> {
  await ctx.services.moderation.addFlag(ctx.tx, {
    postId: post.id,
    memberId: member.id,
    reason,
    note,
    at: hoursBeforeNow(ctx, hoursAgo),
  });
}

async function hide(
  ctx: SeedContext,
  post: Post,
  moderator: User,
  rule: CharterRule,
  note: string,
  hoursAgo: number,
): Promise<void> {
  await ctx.services.moderation.hide(ctx.tx, post, moderator, rule, note, hoursBeforeNow(ctx, hoursAgo));
}

async function markAnswered(
  ctx: SeedContext,
  post: Post,
  answer: Post,
  by: User,
  hoursAgo: number,
): Promise<void> {
  await ctx.services.moderation.markAnsweredBy(ctx.tx, post, answer, by, hoursBeforeNow(ctx, hoursAgo));
}
