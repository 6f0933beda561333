import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canChangeIdeaStatus,
  campaignPhase,
  IDEA_LIMITS,
  IdeaStatus,
  ideaStatusRequiresResponse,
  Language,
  languageOrEnglish,
  votingRefusal,
} from '@parvis/domain';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { badInput, conflict, DomainError, notFound } from '../common/domain-error';
import { renderMarkdown } from '../common/markdown';
import { ConnectionShape } from '../common/pagination';
import { isUniqueViolation } from '../common/postgres-errors';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { requireRole, requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ModerationLogService } from '../moderation-log/moderation-log.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SearchService } from '../search/search.service';
import { Space } from '../spaces/space.entity';
import { spaceRow } from '../spaces/space-row';
import { Post } from '../threads/post.entity';
import { PostsService } from '../threads/posts.service';
import { ThreadsService } from '../threads/threads.service';
import { Campaign } from './campaign.entity';
import { IdeaStatusChange } from './idea-status-change.entity';
import { IdeaVote } from './idea-vote.entity';
import { IdeaVotesEvents } from './idea-votes-events';
import { Idea } from './idea.entity';
import { IdeaRow } from './idea.type';
import {
  CreateCampaignInput,
  IdeasArgs,
  MergeIdeaInput,
  SetIdeaStatusInput,
  SubmitIdeaInput,
} from './ideas.inputs';
import {
  campaignIdeaCounts,
  campaignRankingRows,
  campaignVotesUsed,
  ideaBoardPage,
  ideaById,
  campaignTitles,
  campaignVoterIds,
  ideaFollowerIds,
  publicIdeaTitles,
  ideaByIdAnnounced,
  ideasByIds,
  ideasByThreadIds,
  ideasMergedInto,
  lockIdeas,
  ideasByAuthor,
  moveVotesOfMerge,
  votedIdeaIds,
} from './ideas.queries';

/** What the vote triggers raise (see the AddIdeas migration), as sentences a member can act on. */
const VOTE_REFUSALS: Record<string, string> = {
  idea_votes_idea_open_check: 'Voting is closed on this idea: it has been launched, declined or merged.',
  idea_votes_campaign_open_check: 'This campaign is not open for voting.',
};
const VOTE_REFUSAL_REASONS: Record<string, string> = {
  idea_votes_idea_open_check: 'VOTING_CLOSED',
  idea_votes_campaign_open_check: 'CAMPAIGN_CLOSED',
};

export type CampaignTimes = Pick<Campaign, 'id' | 'opensAt' | 'closesAt'>;

/** An idea as a status change or a merge needs it: `status` is the one it has before. */
export type IdeaState = Pick<Idea, 'id' | 'threadId' | 'status'>;

export interface StatusChange {
  to: IdeaStatus;
  /** The official response, already trimmed (null without one). */
  response: string | null;
  byId: string;
  /** When it changed: now unless given (the demo seed writes a past). */
  at?: Date;
}

export interface ProposeIdeaParams {
  spaceId: string;
  author: SignedInViewer;
  title: string;
  body: string;
  language: Language;
  campaignId: string | null;
  /** When it is proposed: now unless given (the demo seed writes a past). */
  at?: Date;
}

export type NewCampaign = Pick<
  Campaign,
  'spaceId' | 'title' | 'question' | 'opensAt' | 'closesAt' | 'votesPerMember' | 'createdById'
>;

export interface RankedIdea {
  rank: number;
  votes: number;
  idea: IdeaRow;
}

export const CAMPAIGN_CLOSED_JOB = 'campaign-closed';

@Injectable()
export class IdeasService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderationLog: ModerationLogService,
    private readonly search: SearchService,
    private readonly voteEvents: IdeaVotesEvents,
  ) {}

  /** Mails name ideas and campaigns by their public titles; a campaign's voters hear when it closes. */
  async onModuleInit(): Promise<void> {
    this.notifications.describeSubjects('IDEA', publicIdeaTitles);
    this.notifications.describeSubjects('CAMPAIGN', campaignTitles);
    await this.notifications.schedule(CAMPAIGN_CLOSED_JOB, (data) =>
      this.announceClosed(String(data.campaignId)),
    );
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────

  async idea(id: string, tx: EntityManager = this.db.manager): Promise<IdeaRow> {
    const row = await ideaById(tx, id);
    if (!row) throw notFound('There is no such idea.', 'IDEA_NOT_FOUND');
    return row;
  }

  ideasByIds(ids: readonly string[]): Promise<IdeaRow[]> {
    return ideasByIds(this.db.manager, ids);
  }

  /** Ideas merged into each of `ids` (their duplicates), oldest first. */
  mergedInto(ids: readonly string[]): Promise<IdeaRow[]> {
    return ideasMergedInto(this.db.manager, ids);
  }

  /** A profile's latest ideas, those whose body is hidden left out. */
  ideasByAuthor(authorId: string, limit: number): Promise<IdeaRow[]> {
    return ideasByAuthor(this.db.manager, authorId, limit);
  }

  list(args: IdeasArgs): Promise<ConnectionShape<IdeaRow>> {
    return ideaBoardPage(this.db.manager, args);
  }

  /**
   * Ideas close to a title being typed (the submit form shows them so people vote instead of
   * duplicating), best first: search's similar IDEAS threads, so both lists follow one rule (no
   * merged idea, none whose body a moderator hid).
   */
  async similar(title: string, limit = 5): Promise<IdeaRow[]> {
    const threadIds = await this.search.similarThreadIds(title, 'IDEAS', limit);
    if (threadIds.length === 0) return [];
    const rows = await ideasByThreadIds(this.db.manager, threadIds);
    return threadIds.flatMap((id) => rows.filter((row) => row.threadId === id));
  }

  /** For each idea id, whether `userId` has an active vote for it. */
  votedIdeaIds(userId: string, ideaIds: readonly string[]): Promise<Set<string>> {
    return votedIdeaIds(this.db.manager, userId, ideaIds);
  }

  statusHistories(ideaIds: readonly string[]): Promise<IdeaStatusChange[]> {
    return this.db.getRepository(IdeaStatusChange).find({
      where: { ideaId: In([...ideaIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The first post of each thread: an idea's body. */
  firstPosts(threadIds: readonly string[]): Promise<Post[]> {
    return this.db.getRepository(Post).findBy({ threadId: In([...threadIds]), isQuestion: true });
  }

  /** An idea's comments: the replies of its thread, oldest first (the threads module's own list). */
  comments(
    idea: Pick<IdeaRow, 'threadId' | 'repliesCount'>,
    first: number,
    after: string | undefined,
  ): Promise<ConnectionShape<Post>> {
    return this.posts.replies(idea.threadId, idea.repliesCount, first, after);
  }

  campaignsByIds(ids: readonly string[]): Promise<Campaign[]> {
    return this.db.getRepository(Campaign).findBy({ id: In([...ids]) });
  }

  async campaign(id: string): Promise<Campaign> {
    const campaign = await this.db.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw notFound('There is no such campaign.', 'CAMPAIGN_NOT_FOUND');
    return campaign;
  }

  /** Open campaigns first (closing soonest first), then upcoming ones, then closed ones (latest first). */
  campaigns(): Promise<Campaign[]> {
    return this.db
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .orderBy(
        `CASE WHEN now() >= c.opens_at AND now() < c.closes_at THEN 0 WHEN now() < c.opens_at THEN 1 ELSE 2 END`,
      )
      .addOrderBy(`CASE WHEN now() < c.closes_at THEN c.closes_at END`, 'ASC')
      .addOrderBy('c.closes_at', 'DESC')
      .getMany();
  }

  /** Ideas proposed in each campaign (merged duplicates not counted). */
  campaignIdeaCounts(campaignIds: readonly string[]): Promise<Map<string, number>> {
    return campaignIdeaCounts(this.db.manager, campaignIds);
  }

  /** How many active votes `userId` has in each campaign. */
  campaignVotesUsed(userId: string, campaignIds: readonly string[]): Promise<Map<string, number>> {
    return campaignVotesUsed(this.db.manager, userId, campaignIds);
  }

  /**
   * Campaigns' rankings, in one query for all of them: live while a campaign is open, frozen
   * once it is closed (see campaignRankingRows). Ties: the earlier idea ranks first and the
   * tied ideas share a rank number.
   */
  async rankings(campaignIds: readonly string[]): Promise<Map<string, RankedIdea[]>> {
    const rows = await campaignRankingRows(this.db.manager, campaignIds);
    const byCampaign = new Map<string, RankedIdea[]>(campaignIds.map((id) => [id, []]));
    for (const { votes, rankedIn, ...idea } of rows) {
      const ranked = byCampaign.get(rankedIn)!;
      const previous = ranked.at(-1);
      ranked.push({
        rank: previous && previous.votes === votes ? previous.rank : ranked.length + 1,
        votes,
        idea,
      });
    }
    return byCampaign;
  }

  /** The most voted idea of a closed campaign (the earliest one on a tie), or null while it runs or without votes. */
  static winnerOf(campaign: CampaignTimes, ranking: readonly RankedIdea[]): IdeaRow | null {
    if (campaignPhase(campaign.opensAt, campaign.closesAt, new Date()) !== 'CLOSED') return null;
    const [first] = ranking;
    return first && first.votes > 0 ? first.idea : null;
  }

  // ─── Submitting ─────────────────────────────────────────────────────────────────────────

  /**
   * Creates the idea's thread (title, body as first post) and the idea in one transaction,
   * then casts the author's own vote (see AUTHOR_VOTES_FOR_OWN_IDEA) unless the campaign's
   * rules refuse it, in which case the idea is still submitted, without that vote.
   */
  async submit(viewer: Viewer, input: SubmitIdeaInput): Promise<IdeaRow> {
    const author = requireSignedIn(viewer, 'submit an idea');
    return this.db.transaction(async (tx) => {
      const campaign = input.campaignId ? await tx.findOneBy(Campaign, { id: input.campaignId }) : null;
      if (input.campaignId && !campaign) throw notFound('There is no such campaign.', 'CAMPAIGN_NOT_FOUND');
      if (campaign && campaignPhase(campaign.opensAt, campaign.closesAt, new Date()) === 'CLOSED') {
        throw conflict('This campaign is closed: it no longer takes ideas.', 'campaignId', 'CAMPAIGN_CLOSED');
      }
      const space = await this.ideaSpace(tx, input.spaceId ?? campaign?.spaceId);
      if (campaign && campaign.spaceId !== space.id)
        throw badInput('spaceId', 'The campaign belongs to another idea box.');

      const idea = await this.propose(tx, {
        spaceId: space.id,
        author,
        title: input.title,
        body: input.body,
        language: input.language ?? languageOrEnglish(author.locale),
        campaignId: campaign?.id ?? null,
      });
      await this.posts.countPost(tx, author);
      return this.idea(idea.id, tx);
    });
  }

  /**
   * Writes an idea in the caller's transaction, once the caller has checked its space and
   * campaign: its thread (title, body as first post), the idea, and the author's own vote
   * (AUTHOR_VOTES_FOR_OWN_IDEA) unless the campaign's rules refuse it, in which case the idea
   * stands without that vote. `at`: now unless given.
   */
  async propose(tx: EntityManager, params: ProposeIdeaParams): Promise<Idea> {
    const thread = await this.threads.startThread(tx, {
      spaceId: params.spaceId,
      author: params.author,
      title: params.title,
      bodyMarkdown: params.body,
      language: params.language,
      at: params.at,
    });
    const idea = tx.create(Idea, {
      threadId: thread.id,
      campaignId: params.campaignId,
      createdAt: params.at,
    });
    await tx.insert(Idea, idea);
    await this.notifications.autoFollow(tx, [params.author.id], 'IDEA', idea.id);
    await tx.query('SAVEPOINT author_vote');
    try {
      await this.castVote(tx, idea.id, params.author.id, params.at);
      await tx.query('RELEASE SAVEPOINT author_vote');
    } catch (error) {
      if (!voteRefusal(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT author_vote');
    }
    return tx.findOneByOrFail(Idea, { id: idea.id });
  }

  // ─── Voting ─────────────────────────────────────────────────────────────────────────────

  /**
   * One statement: the insert. The database refuses a second active vote (unique index),
   * a vote on a closed idea or outside an open campaign, and a vote beyond the campaign's
   * budget (triggers holding a per-member, per-campaign lock), and keeps votes_count exact.
   * The vote is counted against the voting limit in the same transaction (a refused vote,
   * rolled back, never counts; a member over the limit is told so first, whatever the idea).
   */
  async vote(viewer: Viewer, ideaId: string): Promise<IdeaRow> {
    const voter = requireSignedIn(viewer, 'vote');
    try {
      return await this.db.transaction(async (tx) => {
        // The insert's trigger locks the idea's row until COMMIT to count the vote, and every
        // other vote for that idea queues on it (a popular idea gets hundreds at once): what does
        // not need that row (the voting limit, following the idea) comes first, so that the lock
        // is held over one statement: the read of the count, which also sends the live event
        // (delivered only if this commits).
        await this.countVote(tx, voter);
        await this.castVote(tx, ideaId, voter.id);
        // Read once, after the insert: the trigger has counted the vote. A vote for no idea fails
        // the insert (foreign key).
        const idea = await ideaByIdAnnounced(tx, ideaId, this.voteEvents.announcement);
        if (!idea) throw notFound('There is no such idea.', 'IDEA_NOT_FOUND');
        return idea;
      });
    } catch (error) {
      // What a refused vote says depends on the idea: read it on this (rare) path only.
      const idea = await this.idea(ideaId);
      if (isUniqueViolation(error, 'idea_votes_one_active_per_member_key')) {
        throw conflict('You have already voted for this idea.', 'ideaId', 'ALREADY_VOTED');
      }
      const refusal = voteRefusal(error);
      if (refusal === 'idea_votes_campaign_budget_check') throw await this.budgetExceeded(idea);
      if (refusal) throw conflict(VOTE_REFUSALS[refusal], 'ideaId', VOTE_REFUSAL_REASONS[refusal]);
      throw error;
    }
  }

  /**
   * Casts a vote in the caller's transaction: one insert, which the vote trigger checks (open
   * idea, open campaign, budget) and counts. `at`: when it was cast, now unless given.
   * The voter follows the idea first: the insert locks the idea's row, held until COMMIT.
   */
  async castVote(tx: EntityManager, ideaId: string, userId: string, at?: Date): Promise<void> {
    await this.notifications.setFollowingIn(tx, userId, 'IDEA', ideaId, true);
    await tx.insert(IdeaVote, { ideaId, userId, createdAt: at });
  }

  /**
   * Withdraws the viewer's vote: the row stays, marked withdrawn (vote history is never
   * deleted). Refused where votes are frozen, by the same rule as casting one (votingRefusal).
   */
  async unvote(viewer: Viewer, ideaId: string): Promise<IdeaRow> {
    const voter = requireSignedIn(viewer, 'withdraw a vote');
    return this.db.transaction(async (tx) => {
      // The rows a vote locks, in the vote's order (voting limit, follow, then the idea's row), so
      // that a member's vote and unvote running at once queue instead of deadlocking. Refused,
      // all of it rolls back. Withdrawing the vote stops following the idea (the Follow button
      // follows it again).
      await this.countVote(tx, voter);
      await this.notifications.setFollowingIn(tx, voter.id, 'IDEA', ideaId, false);
      // Locking the idea row orders this with status changes and merges of the same idea. NO KEY
      // UPDATE, not FOR UPDATE: a vote being cast holds a KEY SHARE on the row (its foreign key)
      // before its trigger updates the count, and FOR UPDATE queued between the two deadlocked.
      const locked = await tx.findOne(Idea, { where: { id: ideaId }, lock: { mode: 'for_no_key_update' } });
      if (!locked) throw notFound('There is no such idea.', 'IDEA_NOT_FOUND');
      const campaign = locked.campaignId
        ? await tx.findOneByOrFail(Campaign, { id: locked.campaignId })
        : null;
      const refusal = votingRefusal(locked.status, campaign, new Date());
      if (refusal === 'IDEA_CLOSED')
        throw conflict(VOTE_REFUSALS.idea_votes_idea_open_check, 'ideaId', 'VOTING_CLOSED');
      if (refusal === 'CAMPAIGN_NOT_OPEN')
        throw conflict('This campaign is closed: its votes are final.', 'ideaId', 'CAMPAIGN_CLOSED');
      const { affected } = await tx.update(
        IdeaVote,
        { ideaId, userId: voter.id, withdrawnAt: IsNull() },
        { withdrawnAt: () => 'now()' },
      );
      if (affected === 0) throw conflict('You have not voted for this idea.', 'ideaId', 'NOT_VOTED');
      await this.voteEvents.publish(tx, [{ ideaId, campaignId: locked.campaignId }]);
      return this.idea(ideaId, tx);
    });
  }

  /** Counts an accepted vote or unvote in its transaction; RATE_LIMITED (undoing it) past the limit. */
  private async countVote(tx: EntityManager, voter: SignedInViewer): Promise<void> {
    const { perMember, windowSeconds } = this.config.voteLimit;
    await this.rateLimits.hit(
      [{ key: `vote:user:${voter.id}`, limit: perMember }],
      windowSeconds,
      `You have voted ${perMember} times in the last ${Math.ceil(windowSeconds / 60)} minutes. Wait a few minutes, then vote again.`,
      tx,
    );
  }

  private async budgetExceeded(idea: IdeaRow): Promise<DomainError> {
    const campaign = await this.campaign(idea.campaignId!);
    return conflict(
      `You have used all ${campaign.votesPerMember} of your votes in “${campaign.title}”. Withdraw one of them to vote for this idea.`,
      'ideaId',
      { reason: 'BUDGET_SPENT', votesPerMember: campaign.votesPerMember!, campaign: campaign.title },
    );
  }

  // ─── Statuses and merges ────────────────────────────────────────────────────────────────

  /**
   * Staff and moderators answer an idea with a status (and an official response, required
   * for PLANNED and DECLINED). The change is kept in the public history and every voter and
   * the author are notified, in the same transaction.
   */
  async setStatus(viewer: Viewer, input: SetIdeaStatusInput): Promise<IdeaRow> {
    const staff = requireRole(viewer, 'STAFF', 'change the status of ideas');
    const response = input.response?.trim() || null;
    if (ideaStatusRequiresResponse(input.status) && !response) {
      throw badInput(
        'response',
        `Explain this decision to the community: an idea becomes ${input.status} only with an official response.`,
      );
    }
    return this.db.transaction(async (tx) => {
      const locked = await tx.findOne(Idea, {
        where: { id: input.ideaId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw notFound('There is no such idea.', 'IDEA_NOT_FOUND');
      const from = locked.status;
      if (from === 'MERGED')
        throw conflict('This idea was merged into another: change the status of that one.', 'status');
      if (!canChangeIdeaStatus(from, input.status)) {
        throw conflict(`An idea that is ${from} cannot become ${input.status}.`, 'status');
      }
      await this.changeStatus(tx, locked, { to: input.status, response, byId: staff.id });
      return this.idea(input.ideaId, tx);
    });
  }

  /**
   * What a status change does, in the caller's transaction, once the caller has checked it is
   * allowed (the idea row locked, `idea.status` its current status): the idea, its public history,
   * a notice to its voters and author, and the public log. `at`: now unless given.
   */
  async changeStatus(tx: EntityManager, idea: IdeaState, change: StatusChange): Promise<void> {
    const { to, response, byId, at } = change;
    const from = idea.status;
    await tx.update(Idea, { id: idea.id }, { status: to, statusChangedAt: at ?? (() => 'now()') });
    await tx.insert(IdeaStatusChange, {
      ideaId: idea.id,
      fromStatus: from,
      toStatus: to,
      responseMarkdown: response,
      responseHtml: response ? renderMarkdown(response) : null,
      changedById: byId,
      createdAt: at,
    });
    await this.notifications.notify(tx, await ideaFollowerIds(tx, idea.id), {
      kind: 'IDEA_STATUS_CHANGED',
      subject: { type: 'IDEA', id: idea.id },
      followersOf: { type: 'IDEA', id: idea.id },
      actorId: byId,
      data: { from, to },
      at,
    });
    await this.moderationLog.record(tx, {
      action: 'IDEA_STATUS_CHANGED',
      actorId: byId,
      targetType: 'IDEA',
      targetId: idea.id,
      reason: response,
      details: { threadId: idea.threadId, from, to },
      at,
    });
  }

  /**
   * Moderators merge a duplicate into another idea: the source becomes MERGED with a link,
   * its active votes move to the target except for people who already voted for the target
   * (nobody is counted twice), its comments stay on the source's thread, and the merge is
   * kept in the source's public history.
   */
  async merge(viewer: Viewer, input: MergeIdeaInput): Promise<IdeaRow> {
    const moderator = requireRole(viewer, 'MODERATOR', 'merge ideas');
    if (input.sourceId === input.intoId) throw badInput('intoId', 'An idea cannot be merged into itself.');
    return this.db.transaction(async (tx) => {
      // Both rows locked, always in the same order, so two merges cannot deadlock.
      await lockIdeas(tx, [input.sourceId, input.intoId]);
      const source = await ideaById(tx, input.sourceId);
      const target = await ideaById(tx, input.intoId);
      if (!source) throw notFound('There is no idea to merge with this id.', 'IDEA_NOT_FOUND');
      if (!target) throw notFound('There is no idea to merge into with this id.', 'IDEA_NOT_FOUND');
      if (source.status === 'MERGED') throw conflict('This idea is already merged into another.', 'sourceId');
      if (target.status === 'MERGED')
        throw conflict('That idea was itself merged: merge into the idea it was merged into.', 'intoId');
      if (source.campaignId !== target.campaignId) {
        throw conflict(
          'Both ideas must belong to the same campaign (or to none): votes cannot move between campaigns.',
          'intoId',
        );
      }
      if (source.campaignId) {
        const campaign = await tx.findOneByOrFail(Campaign, { id: source.campaignId });
        if (campaignPhase(campaign.opensAt, campaign.closesAt, new Date()) === 'CLOSED') {
          throw conflict('The campaign is closed: its ranking is final.', 'sourceId');
        }
      }
      await this.mergeInto(tx, source, target.id, moderator.id);
      await this.voteEvents.publish(
        tx,
        [source, target].map((idea) => ({ ideaId: idea.id, campaignId: idea.campaignId })),
      );
      return this.idea(source.id, tx);
    });
  }

  /**
   * What a merge does, in the caller's transaction, once the caller has checked it is allowed
   * (both rows locked): a notice to the source's followers, its votes moved (moveVotesOfMerge),
   * the source MERGED with its link and public history, and the public log. `at`: now unless
   * given. Returns how many votes moved.
   */
  async mergeInto(
    tx: EntityManager,
    source: IdeaState,
    targetId: string,
    byId: string,
    at?: Date,
  ): Promise<number> {
    await this.notifications.notify(tx, await ideaFollowerIds(tx, source.id), {
      kind: 'IDEA_MERGED',
      subject: { type: 'IDEA', id: source.id },
      followersOf: { type: 'IDEA', id: source.id },
      actorId: byId,
      data: { from: source.status, to: 'MERGED', mergedIntoId: targetId },
      at,
    });
    const votesMoved = await moveVotesOfMerge(tx, source.id, targetId, at);
    await tx.update(
      Idea,
      { id: source.id },
      { status: 'MERGED', mergedIntoId: targetId, statusChangedAt: at ?? (() => 'now()') },
    );
    await tx.insert(IdeaStatusChange, {
      ideaId: source.id,
      fromStatus: source.status,
      toStatus: 'MERGED',
      changedById: byId,
      mergedIntoId: targetId,
      votesMoved,
      createdAt: at,
    });
    await this.moderationLog.record(tx, {
      action: 'IDEA_MERGED',
      actorId: byId,
      targetType: 'IDEA',
      targetId: source.id,
      details: { threadId: source.threadId, intoIdeaId: targetId, votesMoved },
      at,
    });
    return votesMoved;
  }

  // ─── Campaigns ──────────────────────────────────────────────────────────────────────────

  async createCampaign(viewer: Viewer, input: CreateCampaignInput): Promise<Campaign> {
    const creator = requireRole(viewer, 'STAFF', 'create campaigns');
    assertCampaignYears('opensAt', input.opensAt);
    assertCampaignYears('closesAt', input.closesAt);
    if (input.closesAt.getTime() <= input.opensAt.getTime())
      throw badInput('closesAt', 'The campaign must close after it opens.');
    if (input.closesAt.getTime() <= Date.now())
      throw badInput('closesAt', 'Choose a closing time in the future.');
    const space = await this.ideaSpace(this.db.manager, input.spaceId);
    const campaign = await this.addCampaign(this.db.manager, {
      spaceId: space.id,
      title: input.title,
      question: input.question,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      votesPerMember: input.votesPerMember ?? null,
      createdById: creator.id,
    });
    return this.campaign(campaign.id);
  }

  /** Writes a campaign whose dates and space the caller has checked. `at`: when it was created, now unless given. */
  async addCampaign(tx: EntityManager, fields: NewCampaign, at?: Date): Promise<Campaign> {
    const campaign = tx.create(Campaign, { ...fields, createdAt: at });
    await tx.insert(Campaign, campaign);
    await this.notifications.checkAt(
      tx,
      CAMPAIGN_CLOSED_JOB,
      { campaignId: campaign.id },
      campaign.closesAt,
      `campaign-closed:${campaign.id}`,
    );
    return campaign;
  }

  /**
   * At its closing time, a campaign's voters hear that it closed, and which idea won. Run by the
   * job queued with the campaign; the dedupe key tells each voter once, however often it runs.
   */
  async announceClosed(campaignId: string): Promise<number> {
    const campaign = await this.db.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign || campaign.closesAt.getTime() > Date.now()) return 0;
    const ranking = (await this.rankings([campaign.id])).get(campaign.id) ?? [];
    const winner = IdeasService.winnerOf(campaign, ranking);
    return this.db.transaction(async (tx) => {
      const notices = await this.notifications.notify(tx, await campaignVoterIds(tx, campaign.id), {
        kind: 'CAMPAIGN_CLOSED',
        subject: { type: 'CAMPAIGN', id: campaign.id },
        actorId: null,
        data: { winnerIdeaId: winner?.id ?? null },
        dedupeKey: `campaign-closed:${campaign.id}`,
        at: campaign.closesAt,
      });
      return notices.length;
    });
  }

  /** The IDEAS space with this id, or the first one in navigation order. */
  private async ideaSpace(tx: EntityManager, spaceId: string | undefined): Promise<Space> {
    if (spaceId) {
      const space = await spaceRow(tx, spaceId);
      if (space.kind !== 'IDEAS')
        throw badInput('spaceId', 'Ideas and campaigns belong in an idea box space.');
      return space;
    }
    const [space] = await tx.find(Space, { where: { kind: 'IDEAS' }, order: { position: 'ASC' }, take: 1 });
    if (!space) throw notFound('This community has no idea box yet.');
    return space;
  }
}

/** A campaign's dates stay near today: far ones are typing mistakes, and PostgreSQL refuses the farthest. */
function assertCampaignYears(field: 'opensAt' | 'closesAt', date: Date): void {
  const { past, future } = IDEA_LIMITS.campaignYears;
  const now = new Date();
  const earliest = new Date(now).setUTCFullYear(now.getUTCFullYear() - past);
  const latest = new Date(now).setUTCFullYear(now.getUTCFullYear() + future);
  if (date.getTime() < earliest || date.getTime() > latest) {
    throw badInput(
      field,
      `${field} must be between ${past} year${past > 1 ? 's' : ''} ago and ${future} years from now.`,
    );
  }
}

/** The name of the vote rule a trigger refused, or null when `error` is something else. */
function voteRefusal(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string };
  if (driverError.code !== '23514' || !driverError.constraint?.startsWith('idea_votes_')) return null;
  return driverError.constraint;
}
