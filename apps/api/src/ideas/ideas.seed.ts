import { hash } from '@node-rs/argon2';
import { IdeaStatus, Language } from '@parvis/domain';
import { EntityManager, In } from 'typeorm';
import { renderMarkdown } from '../common/markdown';
import { User } from '../identity/user.entity';
import { NotificationKind } from '../notifications/notification.entity';
import { insertNotifications } from '../notifications/notifications.queries';
import { DEMO_PASSWORD } from '../seed/demo-accounts';
import { Space } from '../spaces/space.entity';
import { Thread } from '../threads/thread.entity';
import { hoursBeforeNow, seedPost } from '../threads/thread-seeding';
import { Campaign } from './campaign.entity';
import { IdeaStatusChange } from './idea-status-change.entity';
import { Idea } from './idea.entity';
import { ideaFollowerIds, moveVotesOfMerge } from './ideas.queries';

/**
 * Members who propose and vote in the demo idea box, besides the demo accounts. Inès, Tom and
 * Lucía also ask questions in the help space: whichever seed runs first creates them.
 */
const FANS = [
  { email: 'ines.moreau@parvis.test', displayName: 'Inès Moreau', locale: 'fr' },
  { email: 'tom.baker@parvis.test', displayName: 'Tom Baker', locale: 'en' },
  { email: 'lucia.fernandez@parvis.test', displayName: 'Lucía Fernández', locale: 'es' },
  { email: 'noah.petit@parvis.test', displayName: 'Noah Petit', locale: 'fr' },
  { email: 'emma.wilson@parvis.test', displayName: 'Emma Wilson', locale: 'en' },
  { email: 'mateo.garcia@parvis.test', displayName: 'Mateo García', locale: 'es' },
  { email: 'chloe.dubois@parvis.test', displayName: 'Chloé Dubois', locale: 'fr' },
  { email: 'liam.jones@parvis.test', displayName: 'Liam Jones', locale: 'en' },
  { email: 'sofia.lopez@parvis.test', displayName: 'Sofía López', locale: 'es' },
] as const;

interface Ctx {
  tx: EntityManager;
  now: number;
  space: Space;
  people: Record<string, User>;
}

interface SeededIdea extends Idea {
  thread: Thread;
}

/**
 * The demo idea box: ideas in every status (with the brand's official responses and a public
 * history), votes cast over the last weeks (so TOP and TRENDING differ), comments, one
 * duplicate merged into its original, one open campaign with a vote budget and one closed
 * campaign with its winner. Rows are written directly with past timestamps; the vote
 * triggers keep every votes_count exact, as in the running API. Runs after the threads seed.
 */
export async function seedIdeas(tx: EntityManager): Promise<void> {
  const space = await tx.findOneByOrFail(Space, { slug: 'ideas' });
  const passwordHash = await hash(DEMO_PASSWORD);
  const existing = new Set(
    (await tx.findBy(User, { email: In(FANS.map((fan) => fan.email)) })).map((user) => user.email),
  );
  const missing = FANS.filter((fan) => !existing.has(fan.email));
  if (missing.length > 0)
    await tx.insert(
      User,
      missing.map((fan) => ({ ...fan, passwordHash, role: 'MEMBER' as const })),
    );
  const byEmail = (email: string) => tx.findOneByOrFail(User, { email });
  const people: Record<string, User> = {
    camille: await byEmail('member@parvis.test'),
    diego: await byEmail('expert@parvis.test'),
    sarah: await byEmail('staff@parvis.test'),
    malik: await byEmail('moderator@parvis.test'),
    ines: await byEmail('ines.moreau@parvis.test'),
    tom: await byEmail('tom.baker@parvis.test'),
    lucia: await byEmail('lucia.fernandez@parvis.test'),
    noah: await byEmail('noah.petit@parvis.test'),
    emma: await byEmail('emma.wilson@parvis.test'),
    mateo: await byEmail('mateo.garcia@parvis.test'),
    chloe: await byEmail('chloe.dubois@parvis.test'),
    liam: await byEmail('liam.jones@parvis.test'),
    sofia: await byEmail('sofia.lopez@parvis.test'),
  };
  const ctx: Ctx = { tx, now: Date.now(), space, people };
  const { camille, diego, sarah, malik, ines, tom, lucia, noah, emma, mateo, chloe, liam, sofia } = people;

  // LAUNCHED: the whole road, with official responses at PLANNED and LAUNCHED.
  const oat = await propose(
    ctx,
    tom,
    'en',
    40 * 24,
    'Oat milk in every store, at no extra cost',
    'Plant milks cost 50 cents more. Many of us cannot drink cow’s milk: please offer **oat milk** everywhere at the same price.',
  );
  await votes(ctx, oat, [camille, ines, lucia, noah, emma, mateo, chloe, liam], 39 * 24, 20 * 24);
  await comment(ctx, oat, ines, 38 * 24, 'Oui ! Et si possible aussi le lait d’amande.');
  await changeStatus(ctx, oat, malik, 'UNDER_REVIEW', 35 * 24);
  await changeStatus(
    ctx,
    oat,
    sarah,
    'PLANNED',
    30 * 24,
    'Good news: oat milk at the standard price is planned for every store this spring. Thank you for the push!',
  );
  await changeStatus(ctx, oat, sarah, 'IN_PROGRESS', 20 * 24);
  await changeStatus(
    ctx,
    oat,
    sarah,
    'LAUNCHED',
    5 * 24,
    'Oat milk is now in **every store** at no extra cost. Enjoy, and thank you all for voting.',
  );

  // PLANNED, with its official response.
  const loyalty = await propose(
    ctx,
    camille,
    'fr',
    30 * 24,
    'Cumuler les points fidélité en ligne et en magasin',
    'Aujourd’hui les points gagnés sur le site ne s’ajoutent pas à ceux de la carte en magasin. Un **seul compteur** serait bien plus simple.',
  );
  await votes(ctx, loyalty, [ines, noah, chloe, tom, emma, sofia, lucia], 29 * 24, 3 * 24);
  await comment(
    ctx,
    loyalty,
    noah,
    28 * 24,
    'Indispensable, je perds des points à chaque commande en ligne.',
  );
  await comment(
    ctx,
    loyalty,
    sarah,
    10 * 24,
    'Merci pour toutes vos réactions : l’équipe fidélité étudie la fusion des comptes.',
  );
  await changeStatus(ctx, loyalty, sarah, 'UNDER_REVIEW', 12 * 24);
  await changeStatus(
    ctx,
    loyalty,
    sarah,
    'PLANNED',
    2 * 24,
    'C’est prévu : un compteur unique pour le site et les magasins arrive à l’automne. Vos points actuels seront additionnés automatiquement.',
  );

  // IN_PROGRESS.
  const dark = await propose(
    ctx,
    lucia,
    'es',
    20 * 24,
    'Modo oscuro en la aplicación',
    'Por la noche la aplicación deslumbra. Un **modo oscuro** sería genial, como en casi todas las aplicaciones.',
  );
  await votes(ctx, dark, [mateo, sofia, diego, tom, camille, liam], 19 * 24, 4 * 24);
  await comment(
    ctx,
    dark,
    diego,
    18 * 24,
    'Mientras tanto, el modo oscuro del sistema funciona en la versión web.',
  );
  await changeStatus(
    ctx,
    dark,
    malik,
    'PLANNED',
    15 * 24,
    'Lo haremos: el modo oscuro entra en la hoja de ruta del próximo trimestre.',
  );
  await changeStatus(ctx, dark, sarah, 'IN_PROGRESS', 3 * 24);

  // UNDER_REVIEW, with recent votes.
  const cups = await propose(
    ctx,
    emma,
    'en',
    12 * 24,
    'A deposit scheme for reusable cups',
    'Pay €1 for a reusable cup, get it back when you return the cup to any store. Less waste, no need to carry your own.',
  );
  await votes(ctx, cups, [liam, tom, ines, chloe, sofia], 36, 6);
  await changeStatus(ctx, cups, sarah, 'UNDER_REVIEW', 24);

  // NEW and trending: few days old, every vote fresh.
  const orderAhead = await propose(
    ctx,
    noah,
    'fr',
    60,
    'Commander à l’avance et retirer au comptoir sans attendre',
    'Commander dans l’application avant d’arriver, et récupérer sa boisson à un comptoir dédié, **sans faire la queue**.',
  );
  await votes(ctx, orderAhead, [chloe, ines, emma, mateo, liam], 50, 2);
  await comment(ctx, orderAhead, emma, 40, 'Yes please, the morning queue is the worst part of my day.');

  // DECLINED, with the honest reason.
  const scone = await propose(
    ctx,
    liam,
    'en',
    25 * 24,
    'Keep the pumpkin scone all year round',
    'The pumpkin scone disappears every December. Keep it on the menu all year!',
  );
  await votes(ctx, scone, [tom, emma], 24 * 24, 22 * 24);
  await comment(ctx, scone, sofia, 23 * 24, 'It would not be special any more if it were there all year.');
  await changeStatus(
    ctx,
    scone,
    sarah,
    'DECLINED',
    15 * 24,
    'We hear you, Liam! Our pumpkins come from local farms and are only harvested in autumn, so the scone stays a seasonal treat. It will be back in October.',
  );

  // MERGED: a duplicate of "order ahead", its votes moved without counting anyone twice.
  const duplicate = await propose(
    ctx,
    chloe,
    'en',
    30,
    'Order ahead in the app and skip the queue',
    'Let us order in the app on the way and pick the drink up without queueing.',
  );
  await votes(ctx, duplicate, [sofia, emma], 28, 20);
  await comment(ctx, duplicate, sofia, 26, 'This would save me ten minutes every morning.');
  await merge(ctx, duplicate, orderAhead, malik, 18);

  // NEW, just proposed.
  await propose(
    ctx,
    ines,
    'fr',
    6,
    'Des pailles en papier qui ne ramollissent pas',
    'Les pailles actuelles deviennent molles en cinq minutes. Il existe des pailles en fibres de canne bien plus solides.',
  );

  await seedCampaigns(ctx);
}

async function seedCampaigns(ctx: Ctx): Promise<void> {
  const { camille, sarah, tom, ines, lucia, noah, emma, mateo, chloe, liam, sofia } = ctx.people;

  // Open, with a budget of two votes each: Camille (member@parvis.test) has one left.
  const flavour = await campaign(
    ctx,
    sarah,
    'Our next summer flavour',
    'Which flavour should we launch this summer? You have two votes.',
    3 * 24,
    -5 * 24,
    2,
  );
  const mango = await propose(
    ctx,
    emma,
    'en',
    70,
    'Mango & chili',
    'Sweet mango with a gentle chili kick.',
    flavour,
  );
  const cucumber = await propose(
    ctx,
    noah,
    'fr',
    65,
    'Concombre & menthe',
    'Frais et léger, parfait pour la canicule.',
    flavour,
  );
  const hibiscus = await propose(
    ctx,
    sofia,
    'es',
    60,
    'Hibisco y lima',
    'Ácido, floral y de un rojo precioso.',
    flavour,
  );
  await votes(ctx, mango, [tom, ines, mateo, camille], 60, 4);
  await votes(ctx, cucumber, [chloe, ines, lucia], 55, 10);
  await votes(ctx, hibiscus, [mateo, liam], 50, 8);

  // Closed two weeks ago: the ranking is final and "Ember Road" won.
  const blend = await campaign(
    ctx,
    sarah,
    'Name our autumn blend',
    'What should we call our new autumn coffee blend?',
    30 * 24,
    16 * 24,
    null,
  );
  const ember = await propose(
    ctx,
    tom,
    'en',
    29 * 24,
    'Ember Road',
    'Warm, smoky, a little sweet: like a walk at dusk.',
    blend,
  );
  const maple = await propose(
    ctx,
    camille,
    'fr',
    28 * 24,
    'Aube d’érable',
    'Un nom doux pour un café aux notes d’érable.',
    blend,
  );
  const harvest = await propose(
    ctx,
    lucia,
    'es',
    27 * 24,
    'Luna de cosecha',
    'Como la luna llena de septiembre.',
    blend,
  );
  await votes(ctx, ember, [ines, noah, emma, mateo, liam, sofia], 26 * 24, 17 * 24);
  await votes(ctx, maple, [ines, chloe, noah], 25 * 24, 18 * 24);
  await votes(ctx, harvest, [mateo], 24 * 24, 20 * 24);
  await close(ctx, blend, 30 * 24, 16 * 24);
}

async function propose(
  ctx: Ctx,
  author: User,
  language: Language,
  hoursAgo: number,
  title: string,
  body: string,
  campaign?: Campaign,
): Promise<SeededIdea> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  const thread = ctx.tx.create(Thread, {
    spaceId: ctx.space.id,
    authorId: author.id,
    title,
    language,
    createdAt: at,
    lastActivityAt: at,
  });
  await ctx.tx.insert(Thread, thread);
  await seedPost(ctx.tx, thread, author, body, true, at);
  const idea = ctx.tx.create(Idea, { threadId: thread.id, campaignId: campaign?.id ?? null, createdAt: at });
  await ctx.tx.insert(Idea, idea);
  // The author's own vote, cast with the idea (AUTHOR_VOTES_FOR_OWN_IDEA).
  await ctx.tx.query(`INSERT INTO idea_votes (idea_id, user_id, created_at) VALUES ($1, $2, $3)`, [
    idea.id,
    author.id,
    at,
  ]);
  return Object.assign(idea, { thread });
}

/** Votes spread evenly between `fromHoursAgo` and `toHoursAgo`. */
async function votes(
  ctx: Ctx,
  idea: Idea,
  voters: User[],
  fromHoursAgo: number,
  toHoursAgo: number,
): Promise<void> {
  const step = voters.length > 1 ? (fromHoursAgo - toHoursAgo) / (voters.length - 1) : 0;
  for (const [i, voter] of voters.entries()) {
    await ctx.tx.query(`INSERT INTO idea_votes (idea_id, user_id, created_at) VALUES ($1, $2, $3)`, [
      idea.id,
      voter.id,
      hoursBeforeNow(ctx, fromHoursAgo - i * step),
    ]);
  }
}

async function comment(
  ctx: Ctx,
  idea: SeededIdea,
  author: User,
  hoursAgo: number,
  body: string,
): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await seedPost(ctx.tx, idea.thread, author, body, false, at);
  await ctx.tx.query(
    `UPDATE threads SET replies_count = replies_count + 1, last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`,
    [idea.thread.id, at],
  );
}

/** A status change as the API makes it: the idea, its public history and a notice to its voters and author. */
async function changeStatus(
  ctx: Ctx,
  idea: Idea,
  by: User,
  to: IdeaStatus,
  hoursAgo: number,
  response?: string,
): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await ctx.tx.insert(IdeaStatusChange, {
    ideaId: idea.id,
    fromStatus: idea.status,
    toStatus: to,
    responseMarkdown: response ?? null,
    responseHtml: response ? renderMarkdown(response) : null,
    changedById: by.id,
    createdAt: at,
  });
  await notify(ctx, idea, by, 'IDEA_STATUS_CHANGED', { from: idea.status, to }, at);
  await ctx.tx.update(Idea, { id: idea.id }, { status: to, statusChangedAt: at });
  idea.status = to;
}

async function merge(ctx: Ctx, source: Idea, target: Idea, by: User, hoursAgo: number): Promise<void> {
  const at = hoursBeforeNow(ctx, hoursAgo);
  await notify(
    ctx,
    source,
    by,
    'IDEA_MERGED',
    { from: source.status, to: 'MERGED', mergedIntoId: target.id },
    at,
  );
  const votesMoved = await moveVotesOfMerge(ctx.tx, source.id, target.id, at);
  await ctx.tx.update(
    Idea,
    { id: source.id },
    { status: 'MERGED', mergedIntoId: target.id, statusChangedAt: at },
  );
  await ctx.tx.insert(IdeaStatusChange, {
    ideaId: source.id,
    fromStatus: source.status,
    toStatus: 'MERGED',
    changedById: by.id,
    mergedIntoId: target.id,
    votesMoved,
    createdAt: at,
  });
}

/** Notices older than three days are already read, the rest wait in the bell. */
async function notify(
  ctx: Ctx,
  idea: Idea,
  actor: User,
  kind: NotificationKind,
  data: Record<string, string>,
  at: Date,
): Promise<void> {
  await insertNotifications(ctx.tx, {
    recipientIds: await ideaFollowerIds(ctx.tx, idea.id),
    kind,
    subject: { type: 'IDEA', id: idea.id },
    actorId: actor.id,
    data,
    createdAt: at,
    readAt: ctx.now - at.getTime() > 3 * 86_400_000 ? at : null,
  });
}

/** Campaigns are created open so their votes can be cast, then moved to their real dates. */
async function campaign(
  ctx: Ctx,
  by: User,
  title: string,
  question: string,
  opensHoursAgo: number,
  closesHoursAgo: number,
  votesPerMember: number | null,
): Promise<Campaign> {
  const closesAt = hoursBeforeNow(ctx, Math.min(closesHoursAgo, -1));
  const created = ctx.tx.create(Campaign, {
    spaceId: ctx.space.id,
    title,
    question,
    opensAt: hoursBeforeNow(ctx, opensHoursAgo),
    closesAt,
    votesPerMember,
    createdById: by.id,
    createdAt: hoursBeforeNow(ctx, opensHoursAgo + 24),
  });
  await ctx.tx.insert(Campaign, created);
  return created;
}

async function close(
  ctx: Ctx,
  campaign: Campaign,
  opensHoursAgo: number,
  closesHoursAgo: number,
): Promise<void> {
  await ctx.tx.update(
    Campaign,
    { id: campaign.id },
    { opensAt: hoursBeforeNow(ctx, opensHoursAgo), closesAt: hoursBeforeNow(ctx, closesHoursAgo) },
  );
}
