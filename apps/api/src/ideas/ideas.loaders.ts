import { byKeys, loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { Post } from '../threads/post.entity';
import type { Campaign } from './campaign.entity';
import type { IdeaStatusChange } from './idea-status-change.entity';
import type { IdeaRow } from './idea.type';
import type { IdeasService, RankedIdea } from './ideas.service';

/**
 * Per-request loaders for what an idea list shows beside each idea: whatever the page size,
 * each costs one query per request.
 */
export const ideaLoaders = (ctx: GraphQLContext, ideas: IdeasService) => ({
  byId: loaderFor<string, IdeaRow>(ctx, 'ideas.byId', async (ids) =>
    byKeys(ids, await ideas.ideasByIds(ids), (i) => i.id),
  ),

  body: loaderFor<string, Post>(ctx, 'ideas.bodyByThreadId', async (threadIds) =>
    byKeys(threadIds, await ideas.firstPosts(threadIds), (p) => p.threadId),
  ),

  viewerHasVoted: loaderFor<string, boolean>(ctx, 'ideas.viewerHasVoted', async (ideaIds) => {
    const viewer = ctx.req.viewer;
    if (!viewer) return ideaIds.map(() => false);
    const voted = await ideas.votedIdeaIds(viewer.id, ideaIds);
    return ideaIds.map((id) => voted.has(id));
  }),

  history: loaderFor<string, IdeaStatusChange[]>(ctx, 'ideas.history', async (ideaIds) => {
    const changes = await ideas.statusHistories(ideaIds);
    return ideaIds.map((id) => changes.filter((c) => c.ideaId === id));
  }),

  mergedFrom: loaderFor<string, IdeaRow[]>(ctx, 'ideas.mergedFrom', async (ideaIds) => {
    const rows = await ideas.mergedInto(ideaIds);
    return ideaIds.map((id) => rows.filter((r) => r.mergedIntoId === id));
  }),

  campaign: loaderFor<string, Campaign>(ctx, 'campaigns.byId', async (ids) =>
    byKeys(ids, await ideas.campaignsByIds(ids), (c) => c.id),
  ),

  campaignIdeasCount: loaderFor<string, number>(ctx, 'campaigns.ideasCount', async (ids) => {
    const counts = await ideas.campaignIdeaCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  }),

  /** Rankings of every campaign the request shows, in one query (ranking and winner share it). */
  campaignRanking: loaderFor<string, RankedIdea[]>(ctx, 'campaigns.ranking', async (ids) => {
    const rankings = await ideas.rankings(ids);
    return ids.map((id) => rankings.get(id) ?? []);
  }),

  campaignVotesUsed: loaderFor<string, number>(ctx, 'campaigns.viewerVotesUsed', async (ids) => {
    const viewer = ctx.req.viewer;
    if (!viewer) return ids.map(() => 0);
    const used = await ideas.campaignVotesUsed(viewer.id, ids);
    return ids.map((id) => used.get(id) ?? 0);
  }),
});
