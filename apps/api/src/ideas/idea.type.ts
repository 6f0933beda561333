import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CAMPAIGN_PHASES,
  CampaignPhase as CampaignPhaseName,
  IDEA_SORTS,
  IDEA_STATUSES,
  IdeaStatus as IdeaStatusName,
  Language,
} from '@parvis/domain';
import { Connection } from '../common/pagination';
import { IdeaStatusChange } from './idea-status-change.entity';

export const IdeaStatus = Object.fromEntries(IDEA_STATUSES.map((s) => [s, s])) as {
  [K in IdeaStatusName]: K;
};
registerEnumType(IdeaStatus, { name: 'IdeaStatus' });

export const IdeaSort = Object.fromEntries(IDEA_SORTS.map((s) => [s, s])) as Record<string, string>;
registerEnumType(IdeaSort, {
  name: 'IdeaSort',
  description:
    'TOP: most votes. NEW: newest first. TRENDING: each vote of the last 7 days weighs 1/(1 + ageHours/24)^1.5, so recent votes count most.',
});

export const CampaignPhase = Object.fromEntries(CAMPAIGN_PHASES.map((p) => [p, p])) as {
  [K in CampaignPhaseName]: K;
};
registerEnumType(CampaignPhase, { name: 'CampaignPhase' });

/** What the idea lists read in one query: the idea row with the thread columns it shows. */
export interface IdeaRow {
  id: string;
  threadId: string;
  spaceId: string;
  authorId: string;
  title: string;
  language: Language;
  repliesCount: number;
  status: IdeaStatusName;
  votesCount: number;
  campaignId: string | null;
  mergedIntoId: string | null;
  statusChangedAt: Date | null;
  lastVoteAt: Date | null;
  createdAt: Date;
  /**
   * The thread's question (the idea's body) as far as whether its title may be read, when the
   * query read it with the idea (the board does, in its one statement); absent otherwise.
   */
  question?: IdeaQuestion | null;
}

/** Who wrote an idea's question and whether it is hidden: all that decides whether its title shows. */
export interface IdeaQuestion {
  authorId: string;
  hiddenAt: Date | null;
}

/**
 * An idea as clients see it. Title and author come from its thread; body, comments,
 * history, campaign and the viewer's vote resolve through per-request loaders (IdeasResolver).
 */
@ObjectType('Idea')
export class IdeaType {
  @Field(() => ID)
  id: string;

  /** Not a field as such: resolved as `title` by IdeasResolver, hidden with a hidden body (the question). */
  title: string;

  @Field(() => IdeaStatus)
  status: IdeaStatusName;

  @Field(() => Int, { description: 'Active votes, kept exact by the database.' })
  votesCount: number;

  @Field(() => Int, { description: 'Comments (replies to the idea’s thread).' })
  commentsCount: number;

  @Field()
  language: string;

  @Field(() => ID, { description: 'The discussion thread holding the body and the comments.' })
  threadId: string;

  @Field(() => ID)
  spaceId: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  statusChangedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastVoteAt: Date | null;

  authorId: string;
  campaignId: string | null;
  mergedIntoId: string | null;
  /** See IdeaRow.question: undefined when not read with the idea (the title then loads it). */
  question?: IdeaQuestion | null;

  static from(row: IdeaRow): IdeaType {
    return Object.assign(new IdeaType(), {
      id: row.id,
      title: row.title,
      status: row.status,
      votesCount: row.votesCount,
      commentsCount: row.repliesCount,
      language: row.language,
      threadId: row.threadId,
      spaceId: row.spaceId,
      createdAt: row.createdAt,
      statusChangedAt: row.statusChangedAt,
      lastVoteAt: row.lastVoteAt,
      authorId: row.authorId,
      campaignId: row.campaignId,
      mergedIntoId: row.mergedIntoId,
      question: row.question,
    });
  }
}

export const IdeaConnection = Connection(IdeaType, 'Idea');

/** One entry of an idea's public status history: a status change or a merge. */
@ObjectType('IdeaStatusChange')
export class IdeaStatusChangeType {
  @Field(() => ID)
  id: string;

  @Field(() => IdeaStatus)
  fromStatus: IdeaStatusName;

  @Field(() => IdeaStatus)
  toStatus: IdeaStatusName;

  @Field(() => String, { nullable: true, description: 'The official response, as sanitized HTML.' })
  response: string | null;

  @Field(() => String, { nullable: true })
  responseMarkdown: string | null;

  @Field(() => Int, { nullable: true, description: 'For a merge: how many votes moved to the target.' })
  votesMoved: number | null;

  @Field()
  createdAt: Date;

  changedById: string;
  mergedIntoId: string | null;

  static from(change: IdeaStatusChange): IdeaStatusChangeType {
    return Object.assign(new IdeaStatusChangeType(), {
      id: change.id,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      response: change.responseHtml,
      responseMarkdown: change.responseMarkdown,
      votesMoved: change.votesMoved,
      createdAt: change.createdAt,
      changedById: change.changedById,
      mergedIntoId: change.mergedIntoId,
    });
  }
}
