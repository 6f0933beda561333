import { Language } from '@parvis/domain';
import { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { User } from '../identity/user.entity';
import { AssignmentsService } from '../desk/assignments.service';
import { DutyService } from '../desk/duty.service';
import { NotesService } from '../desk/notes.service';
import { IdeasService } from '../ideas/ideas.service';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Space } from '../spaces/space.entity';
import { AnswersService } from '../threads/answers.service';
import { Post } from '../threads/post.entity';
import { PostsService } from '../threads/posts.service';
import { PrivateFollowUpsService } from '../threads/private-follow-ups.service';
import { ExecutiveDigestService } from '../reports/executive-digest.service';
import { ReportsService } from '../reports/reports.service';
import { lockThreadRow } from '../threads/thread-lock';
import { Thread } from '../threads/thread.entity';
import { ThreadsService } from '../threads/threads.service';
import { DemoPerson } from './demo-accounts';

/** The domains' services the demo writes through (their pieces that take the caller's `tx`). */
export interface DemoServices {
  threads: ThreadsService;
  posts: PostsService;
  answers: AnswersService;
  followUps: PrivateFollowUpsService;
  ideas: IdeasService;
  moderation: ModerationService;
  notifications: NotificationsService;
  assignments: AssignmentsService;
  notes: NotesService;
  duty: DutyService;
  reports: ReportsService;
  digests: ExecutiveDigestService;
}

export function demoServices(app: INestApplicationContext): DemoServices {
  return {
    threads: app.get(ThreadsService),
    posts: app.get(PostsService),
    answers: app.get(AnswersService),
    followUps: app.get(PrivateFollowUpsService),
    ideas: app.get(IdeasService),
    moderation: app.get(ModerationService),
    notifications: app.get(NotificationsService),
    assignments: app.get(AssignmentsService),
    notes: app.get(NotesService),
    duty: app.get(DutyService),
    reports: app.get(ReportsService),
    digests: app.get(ExecutiveDigestService),
  };
}

/** What every part of the demo seed shares: its transaction, its clock, the services and the people. */
export interface SeedContext {
  tx: EntityManager;
  /** The seed's "now", in milliseconds; every timestamp is counted back from it. */
  now: number;
  services: DemoServices;
  people: Record<DemoPerson, User>;
  spaces: { help: Space; ideas: Space };
}

export function hoursBeforeNow(ctx: SeedContext, hours: number): Date {
  return new Date(ctx.now - Math.round(hours * 3_600_000));
}

/** A question asked in the help space `ago` hours ago, its answer clocks running from then. */
export async function seedQuestion(
  ctx: SeedContext,
  author: User,
  language: Language,
  ago: number,
  title: string,
  body: string,
): Promise<Thread & { question: Post }> {
  const thread = await ctx.services.threads.startThread(ctx.tx, {
    spaceId: ctx.spaces.help.id,
    author,
    title,
    bodyMarkdown: body,
    language,
    at: hoursBeforeNow(ctx, ago),
  });
  const question = await ctx.tx.findOneByOrFail(Post, { threadId: thread.id, isQuestion: true });
  return Object.assign(thread, { question });
}

/** A reply (or a comment on an idea) `ago` hours ago, with the thread's counters and clocks. */
export function seedReply(
  ctx: SeedContext,
  thread: Pick<Thread, 'id'>,
  author: User,
  ago: number,
  body: string,
): Promise<Post> {
  return ctx.services.posts.addReply(ctx.tx, {
    threadId: thread.id,
    author,
    bodyMarkdown: body,
    at: hoursBeforeNow(ctx, ago),
  });
}

/** `answer` accepted as the answer of `thread` by `by`, `ago` hours ago. */
export async function seedAccept(
  ctx: SeedContext,
  thread: Pick<Thread, 'id'>,
  answer: Post,
  by: User,
  ago: number,
): Promise<void> {
  const row = await lockThreadRow(ctx.tx, thread.id);
  await ctx.services.answers.accept(ctx.tx, row, answer, by, hoursBeforeNow(ctx, ago));
}

/** `thread` resolved by `by`, `ago` hours ago. */
export async function seedResolve(
  ctx: SeedContext,
  thread: Pick<Thread, 'id'>,
  by: User,
  ago: number,
): Promise<void> {
  const row = await lockThreadRow(ctx.tx, thread.id);
  await ctx.services.threads.resolve(ctx.tx, row, by, hoursBeforeNow(ctx, ago));
}
