import { IdeaStatus, Language } from '@parvis/domain';
import { User } from '../identity/user.entity';
import { Campaign } from '../ideas/campaign.entity';
import { Idea } from '../ideas/idea.entity';
import { Space } from '../spaces/space.entity';
import { hoursBeforeNow, SeedContext, seedReply } from './seed-context';

/**
 * The demo idea box: ideas in every status (with the brand's official responses and a public
 * history), votes cast over the last weeks (so TOP and TRENDING differ), comments, one
 * duplicate merged into its original, one open campaign with a vote budget and one closed
 * campaign with its winner. Everything is written through the ideas' services with past
 * timestamps; the vote triggers keep every votes_count exact, as in the running API.
 */
export async function seedIdeas(ctx: SeedContext): Promise<void> {
  const space = ctx.spaces.ideas;
  const { camille, diego, sarah, malik, ines, tom, lucia, noah, emma, mateo, chloe, liam, sofia } =
    ctx.people;

  // LAUNCHED: the whole road, with official responses at PLANNED and LAUNCHED.
  const oat = await propose(
    ctx,
    space,
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
    space,
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
    space,
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
    space,
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
    space,
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
    space,
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
    space,
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
    space,
    ines,
    'fr',
    6,
    'Des pailles en papier qui ne ramollissent pas',
    'Les pailles actuelles deviennent molles en cinq minutes. Il existe des pailles en fibres de canne bien plus solides.',
  );

  await seedCampaigns(ctx, space);
}

async function seedCampaigns(ctx: SeedContext, space: Space): Promise<void> {
  const { camille, sarah, tom, ines, lucia, noah, emma, mateo, chloe, liam, sofia } = ctx.people;

  // Open, with a budget of two votes each: Camille (member@parvis.test) has one left.
  const flavour = await campaign(
    ctx,
    space,
    sarah,
    'Our next summer flavour',
    'Which flavour should we launch this summer? You have two votes.',
    3 * 24,
    -5 * 24,
    2,
  );
  const mango = await propose(
    ctx,
    space,
    emma,
    'en',
    70,
    'Mango & chili',
    'Sweet mango with a gentle chili kick.',
    flavour,
  );
  const cucumber = await propose(
    ctx,
    space,
    noah,
    'fr',
    65,
    'Concombre & menthe',
    'Frais et léger, parfait pour la canicule.',
    flavour,
  );
  const hibiscus = await propose(
    ctx,
    space,
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
    space,
    sarah,
    'Name our autumn blend',
    'What should we call our new autumn coffee blend?',
    30 * 24,
    16 * 24,
    null,
  );
  const ember = await propose(
    ctx,
    space,
    tom,
    'en',
    29 * 24,
    'Ember Road',
    'Warm, smoky, a little sweet: like a walk at dusk.',
    blend,
  );
  const maple = await propose(
    ctx,
    space,
    camille,
    'fr',
    28 * 24,
    'Aube d’érable',
    'Un nom doux pour un café aux notes d’érable.',
    blend,
  );
  const harvest = await propose(
    ctx,
    space,
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
  ctx: SeedContext,
  space: Space,
  author: User,
  language: Language,
  hoursAgo: number,
  title: string,
  body: string,
  campaign?: Campaign,
): Promise<Idea> {
  return ctx.services.ideas.propose(ctx.tx, {
    spaceId: space.id,
    author,
    title,
    body,
    language,
    campaignId: campaign?.id ?? null,
    at: hoursBeforeNow(ctx, hoursAgo),
  });
}

/** Votes spread evenly between `fromHoursAgo` and `toHoursAgo`. */
async function votes(
  ctx: SeedContext,
  idea: Idea,
  voters: User[],
  fromHoursAgo: number,
  toHoursAgo: number,
): Promise<void> {
  const step = voters.length > 1 ? (fromHoursAgo - toHoursAgo) / (voters.length - 1) : 0;
  for (const [i, voter] of voters.entries())
    await ctx.services.ideas.castVote(
      ctx.tx,
      idea.id,
      voter.id,
      hoursBeforeNow(ctx, fromHoursAgo - i * step),
    );
}

/** A comment is a reply on the idea's thread. */
async function comment(
  ctx: SeedContext,
  idea: Idea,
  author: User,
  hoursAgo: number,
  body: string,
): Promise<void> {
  await seedReply(ctx, { id: idea.threadId }, author, hoursAgo, body);
}

async function changeStatus(
  ctx: SeedContext,
  idea: Idea,
  by: User,
  to: IdeaStatus,
  hoursAgo: number,
  response?: string,
): Promise<void> {
  await ctx.services.ideas.changeStatus(ctx.tx, idea, {
    to,
    response: response ?? null,
    byId: by.id,
    at: hoursBeforeNow(ctx, hoursAgo),
  });
  idea.status = to;
}

async function merge(
  ctx: SeedContext,
  source: Idea,
  target: Idea,
  by: User,
  hoursAgo: number,
): Promise<void> {
  await ctx.services.ideas.mergeInto(ctx.tx, source, target.id, by.id, hoursBeforeNow(ctx, hoursAgo));
}

/** Campaigns are created open (at least an hour more), so their votes can be cast, then moved to their real dates. */
async function campaign(
  ctx: SeedContext,
  space: Space,
  by: User,
  title: string,
  question: string,
  opensHoursAgo: number,
  closesHoursAgo: number,
  votesPerMember: number | null,
): Promise<Campaign> {
  return ctx.services.ideas.addCampaign(
    ctx.tx,
    {
      spaceId: space.id,
      title,
      question,
      opensAt: hoursBeforeNow(ctx, opensHoursAgo),
      closesAt: hoursBeforeNow(ctx, Math.min(closesHoursAgo, -1)),
      votesPerMember,
      createdById: by.id,
    },
    hoursBeforeNow(ctx, opensHoursAgo + 24),
  );
}

/**
 * The demo's one time travel: a campaign whose votes were cast while it was open is moved to
 * its real, past dates (no mutation moves a campaign; the vote trigger would refuse votes
 * cast into a closed one).
 */
async function close(
  ctx: SeedContext,
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
