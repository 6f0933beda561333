import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { THREAD_STATUSES, ThreadStatus as ThreadStatusName } from '@parvis/domain';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Connection, PageArgs } from '../common/pagination';
import { Thread } from './thread.entity';

export const ThreadStatus = Object.fromEntries(THREAD_STATUSES.map((s) => [s, s])) as {
  [K in ThreadStatusName]: K;
};
registerEnumType(ThreadStatus, {
  name: 'ThreadStatus',
  description: 'OPEN, ANSWERED (an answer is accepted) or RESOLVED.',
});

/**
 * What readers see of a thread's progress: OPEN, ACKNOWLEDGED (an expert or the brand took charge
 * of it), ANSWERED, RESOLVED. Extends `status`, which keeps its three values.
 */
export const THREAD_PUBLIC_STATES = ['OPEN', 'ACKNOWLEDGED', 'ANSWERED', 'RESOLVED'] as const;
export type ThreadPublicStateName = (typeof THREAD_PUBLIC_STATES)[number];
export const ThreadPublicState = Object.fromEntries(THREAD_PUBLIC_STATES.map((s) => [s, s])) as {
  [K in ThreadPublicStateName]: K;
};
registerEnumType(ThreadPublicState, {
  name: 'ThreadPublicState',
  description: 'OPEN, ACKNOWLEDGED (someone for the brand is on it), ANSWERED or RESOLVED.',
});

export const THREAD_SORTS = ['LAST_ACTIVITY', 'NEWEST'] as const;
export type ThreadSortName = (typeof THREAD_SORTS)[number];
export const ThreadSort = { LAST_ACTIVITY: 'LAST_ACTIVITY', NEWEST: 'NEWEST' } as const;
registerEnumType(ThreadSort, {
  name: 'ThreadSort',
  description: 'Pinned threads first, then by last activity or by creation.',
});

@ObjectType('Sla', { description: 'The answer clocks of a help thread (DESIGN.md §1).' })
export class SlaType {
  @Field()
  firstResponseDueAt: Date;

  @Field()
  answerDueAt: Date;

  @Field(() => Date, { nullable: true, description: 'The first reply by an expert or staff.' })
  firstResponseAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an answer was accepted or marked.' })
  answeredAt: Date | null;

  @Field({ description: 'The first response came (or is still missing) after its deadline.' })
  firstResponseBreached: boolean;

  @Field({ description: 'The answer came (or is still missing) after its deadline.' })
  answerBreached: boolean;

  @Field({ description: 'A clock ran out: firstResponseBreached or answerBreached.' })
  breached: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'The deadline still running: first response, then answer; null when both are met or the thread is resolved.',
  })
  nextDueAt: Date | null;

  /** Null for threads outside HELP spaces. `now` is passed in so one request sees one instant. */
  static from(thread: Thread, now: Date): SlaType | null {
    if (!thread.firstResponseDueAt || !thread.answerDueAt) return null;
    // A thread resolved without an accepted answer stops the answer clock when it is resolved.
    const answerStop = thread.answeredAt ?? thread.resolvedAt ?? now;
    const firstStop =
      thread.firstResponseAt ?? (thread.status === 'RESOLVED' ? (thread.resolvedAt ?? now) : now);
    const firstResponseBreached = firstStop > thread.firstResponseDueAt;
    const answerBreached = answerStop > thread.answerDueAt;
    const running = thread.status === 'OPEN';
    const nextDueAt = !running
      ? null
      : thread.firstResponseAt
        ? thread.answerDueAt
        : thread.firstResponseDueAt;
    return Object.assign(new SlaType(), {
      firstResponseDueAt: thread.firstResponseDueAt,
      answerDueAt: thread.answerDueAt,
      firstResponseAt: thread.firstResponseAt,
      answeredAt: thread.answeredAt,
      firstResponseBreached,
      answerBreached,
      breached: firstResponseBreached || answerBreached,
      nextDueAt,
    });
  }
}

/**
 * A thread as clients see it. Relations (space, author, question, accepted answer, posts,
 * private follow-up notice) are resolved by ThreadResolver through per-request loaders.
 */
@ObjectType('Thread')
export class ThreadType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  spaceId: string;

  /** Not fields: resolved as `author` and `acceptedAnswer`. */
  authorId: string;
  acceptedAnswerId: string | null;
  acceptedById: string | null;
  /** Resolved as `acknowledgement` (public) and, for staff, `assignee` (desk/). */
  firstResponseById: string | null;
  firstResponseAt: Date | null;
  assigneeId: string | null;

  @Field(() => SlaType, { nullable: true, description: 'The answer clocks; null outside HELP spaces.' })
  sla: SlaType | null;

  /** Not a field as such: resolved as `title` by ThreadsResolver, hidden with a hidden question. */
  title: string;

  @Field({ description: 'fr, en or es: the language of the thread, used by search.' })
  language: string;

  @Field(() => ThreadStatus)
  status: ThreadStatusName;

  @Field(() => ThreadPublicState, { description: 'The progress readers see: status, plus ACKNOWLEDGED.' })
  publicState: ThreadPublicStateName;

  @Field()
  locked: boolean;

  @Field(() => String, { nullable: true })
  lockReason: string | null;

  @Field()
  pinned: boolean;

  @Field(() => Int, { description: 'Replies, the question not counted.' })
  repliesCount: number;

  @Field()
  createdAt: Date;

  @Field()
  lastActivityAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  static from(thread: Thread): ThreadType {
    return Object.assign(new ThreadType(), {
      id: thread.id,
      spaceId: thread.spaceId,
      authorId: thread.authorId,
      acceptedAnswerId: thread.acceptedAnswerId,
      acceptedById: thread.acceptedById,
      firstResponseById: thread.firstResponseById,
      firstResponseAt: thread.firstResponseAt,
      assigneeId: thread.assigneeId,
      publicState: thread.status === 'OPEN' && thread.firstResponseAt ? 'ACKNOWLEDGED' : thread.status,
      sla: SlaType.from(thread, new Date()),
      title: thread.title,
      language: thread.language,
      status: thread.status,
      locked: thread.locked,
      lockReason: thread.lockReason,
      pinned: thread.pinned,
      repliesCount: thread.repliesCount,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      resolvedAt: thread.resolvedAt,
    });
  }
}

export const ThreadConnection = Connection(ThreadType, 'Thread');

@ArgsType()
export class ThreadsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this space’s threads.' })
  @IsOptional()
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId?: string;

  @Field(() => ThreadStatus, { nullable: true })
  @IsOptional()
  @IsIn(THREAD_STATUSES, { message: 'status must be OPEN, ANSWERED or RESOLVED.' })
  status?: ThreadStatusName;

  @Field(() => Boolean, { nullable: true, description: 'Only threads nobody has replied to yet.' })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean;

  @Field(() => ThreadSort, { nullable: true, defaultValue: 'LAST_ACTIVITY' })
  @IsOptional()
  @IsIn(THREAD_SORTS, { message: 'sort must be LAST_ACTIVITY or NEWEST.' })
  sort: ThreadSortName = 'LAST_ACTIVITY';
}

@ObjectType('PrivateFollowUpNotice', { description: 'The public notice that a case continues privately.' })
export class PrivateFollowUpNoticeType {
  /** Resolved as `agent`. */
  agentId: string;

  @Field()
  startedAt: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The conversation, for the asker and staff only; null for everyone else.',
  })
  followUpId: string | null;
}
