import { CharterRule, ModerationActionName, scoreTone } from '@parvis/domain';
import { EntityManager, In } from 'typeorm';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { PostRevision } from '../threads/post-revision.entity';
import { Post } from '../threads/post.entity';
import { Thread } from '../threads/thread.entity';
import { hoursBeforeNow, seedQuestion, seedReply } from '../threads/thread-seeding';
import { Flag } from './flag.entity';
import { ModerationAction, ModerationDetails } from '../moderation-log/moderation-action.entity';

interface Ctx {
  tx: EntityManager;
  now: number;
  help: Space;
}

/**
 * Moderation in the demo community, seeded last (after threads and ideas):
 * - every post gets its tone, as the API gives it on each write;
 * - the public log gets an entry for every moderation action the earlier seeds made (answers
 *   marked by someone other than the asker, threads resolved by the moderator, idea statuses
 *   and merges), at the time they were made;
 * - a complaint about deliveries, answered by staff, marked answered and resolved by the moderator;
 *   in the same thread, a reply giving a delivery driver's phone number, flagged by two members
 *   and hidden under PERSONAL_DATA (its author still sees it; everyone else sees the notice);
 * - an open flag waiting in the queue, and a negative post nobody has answered yet.
 */
export async function seedModeration(tx: EntityManager): Promise<void> {
  const help = await tx.findOneByOrFail(Space, { slug: 'help' });
  const ctx: Ctx = { tx, now: Date.now(), help };
  // One query (a transaction's queries run one after another on its connection anyway).
  const emails = [
    'member@parvis.test',
    'expert@parvis.test',
    'staff@parvis.test',
    'moderator@parvis.test',
    'ines.moreau@parvis.test',
    'tom.baker@parvis.test',
    'lucia.fernandez@parvis.test',
  ];
  const people = await tx.findBy(User, { email: In(emails) });
  const [camille, diego, sarah, malik, ines, tom, lucia] = emails.map((email) => {
    const person = people.find((p) => p.email === email);
    if (!person) throw new Error(`The moderation seed needs ${email}, seeded by the earlier seeds.`);
    return person;
  });

  await logEarlierActions(ctx, malik);

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
    delivery,
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
  await markAnswered(ctx, delivery, delivery.question, answer, malik, 16.5);
  await resolve(ctx, delivery, malik, 16);

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

  // Last, so that every seeded post (these ones too, and edited ones in their final words) gets its tone.
  await scoreEveryPost(tx);
}

/** Tone of every seeded post, as the API gives it on each write (seeds insert rows directly, not through the service). */
async function scoreEveryPost(tx: EntityManager): Promise<void> {
  const posts: { id: string; body_text: string }[] = await tx.query(
    `SELECT id, body_text FROM posts WHERE tone IS NULL`,
  );
  for (const post of posts) {
    const { tone, score } = scoreTone(post.body_text);
    await tx.update(Post, { id: post.id }, { tone, toneScore: score });
  }
}

/** Log entries for what the threads and ideas seeds did as moderators, staff or experts, at the time they did it. */
async function logEarlierActions(ctx: Ctx, moderator: User): Promise<void> {
  const accepted: {
    id: string;
    accepted_by_id: string;
    accepted_answer_id: string;
    answered_at: Date;
  }[] = await ctx.tx.query(
    `SELECT id, accepted_by_id, accepted_answer_id, answered_at FROM threads
      WHERE accepted_by_id IS NOT NULL AND accepted_by_id <> author_id`,
  );
  for (const t of accepted) {
    await log(ctx, 'ANSWER_ACCEPTED', t.accepted_by_id, 'THREAD', t.id, t.answered_at, {
      threadId: t.id,
      answerPostId: t.accepted_answer_id,
    });
  }
  // The threads seed resolves its threads as the moderator (the askers never resolve in the demo).
  const resolved: { id: string; resolved_at: Date }[] = await ctx.tx.query(
    `SELECT id, resolved_at FROM threads WHERE status = 'RESOLVED' AND resolved_at IS NOT NULL`,
  );
  for (const t of resolved)
    await log(ctx, 'THREAD_RESOLVED', moderator.id, 'THREAD', t.id, t.resolved_at, { threadId: t.id });

  const changes: {
    idea_id: string;
    thread_id: string;
    from_status: string;
    to_status: string;
    response_markdown: string | null;
    changed_by_id: string;
    merged_into_id: string | null;
    votes_moved: number | null;
    created_at: Date;
  }[] = await ctx.tx.query(
    `SELECT c.idea_id, i.thread_id, c.from_status, c.to_status, c.response_markdown, c.changed_by_id, c.merged_into_id, c.votes_moved, c.created_at
       FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id ORDER BY c.created_at`,
  );
  for (const c of changes) {
    const base = { threadId: c.thread_id, from: c.from_status, to: c.to_status };
    if (c.to_status === 'MERGED') {
      await log(ctx, 'IDEA_MERGED', c.changed_by_id, 'IDEA', c.idea_id, c.created_at, {
        ...base,
        intoIdeaId: c.merged_into_id,
        votesMoved: c.votes_moved,
      });
    } else {
      await log(
        ctx,
        'IDEA_STATUS_CHANGED',
        c.changed_by_id,
        'IDEA',
        c.idea_id,
        c.created_at,
        base,
        null,
        c.response_markdown,
      );
    }
  }
}

async function log(
  ctx: Ctx,
  action: ModerationActionName,
  actorId: string,
  targetType: ModerationAction['targetType'],
  targetId: string,
  at: Date,
  details: ModerationDetails,
  rule: CharterRule | null = null,
  reason: string | null = null,
): Promise<void> {
  await ctx.tx.insert(ModerationAction, {
    action,
    actorId,
    targetType,
    targetId,
    rule,
    reason,
    details,
    createdAt: at,
  });
}

async function flag(
  ctx: Ctx,
  post: Post,
  member: User,
  reason: CharterRule,
  note: string | null,
  hoursAgo: number,
): Promise<void> {
  await ctx.tx.insert(Flag, {
    postId: post.id,
    memberId: member.id,
    reason,
    note,
    createdAt: hoursBeforeNow(ctx, hoursAgo),
  });
}

async function hide(
  ctx: Ctx,
  thread: Thread,
  post: Post,
  moderator: User,
  rule: CharterRule,
  note: string,
  hoursAgo: number,
): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await ctx.tx.update(
    Post,
    { id: post.id },
    { hiddenAt: at, hiddenById: moderator.id, hiddenReason: rule, hiddenNote: note },
  );
  await ctx.tx.update(PostRevision, { postId: post.id }, { hiddenAt: at, hiddenReason: rule });
  const { affected } = await ctx.tx.update(
    Flag,
    { postId: post.id },
    { resolvedAt: at, resolvedById: moderator.id, resolution: 'HIDDEN' },
  );
  await log(
    ctx,
    'POST_HIDDEN',
    moderator.id,
    'POST',
    post.id,
    at,
    { threadId: thread.id, isQuestion: 'no', flags: affected ?? 0 },
    rule,
    note,
  );
}

async function markAnswered(
  ctx: Ctx,
  thread: Thread,
  post: Post,
  answer: Post,
  by: User,
  hoursAgo: number,
): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await ctx.tx.update(
    Post,
    { id: post.id },
    { answeredByPostId: answer.id, answeredAt: at, answeredMarkedById: by.id },
  );
  await log(ctx, 'POST_MARKED_ANSWERED', by.id, 'POST', post.id, at, {
    threadId: thread.id,
    isQuestion: post.isQuestion ? 'yes' : 'no',
    answerPostId: answer.id,
  });
}

async function resolve(ctx: Ctx, thread: Thread, by: User, hoursAgo: number): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await ctx.tx.update(Thread, { id: thread.id }, { status: 'RESOLVED', resolvedAt: at, lastActivityAt: at });
  await log(ctx, 'THREAD_RESOLVED', by.id, 'THREAD', thread.id, at, { threadId: thread.id });
}
