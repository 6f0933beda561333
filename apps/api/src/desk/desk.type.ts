import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OpeningPeriodType } from '../spaces/space.type';
import {
  ASSIGNMENT_KINDS,
  AssignmentEvent,
  AssignmentKind as AssignmentKindName,
} from './assignment-event.entity';
import { DutyException, DutySchedule } from './duty.entity';
import { InternalNote, InternalNoteRevision } from './internal-note.entity';

export const AssignmentKind = Object.fromEntries(ASSIGNMENT_KINDS.map((k) => [k, k])) as {
  [K in AssignmentKindName]: K;
};
registerEnumType(AssignmentKind, { name: 'AssignmentKind' });

@ObjectType('AssignmentEvent', {
  description: 'A step of a thread’s internal assignment history (staff only).',
})
export class AssignmentEventType {
  @Field(() => ID)
  id: string;

  @Field(() => AssignmentKind)
  kind: AssignmentKindName;

  /** Resolved as `actor`, `assignee`, `previousAssignee`. */
  actorId: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;

  @Field()
  createdAt: Date;

  static from(e: AssignmentEvent): AssignmentEventType {
    return Object.assign(new AssignmentEventType(), {
      id: e.id,
      kind: e.kind,
      actorId: e.actorId,
      assigneeId: e.assigneeId,
      previousAssigneeId: e.previousAssigneeId,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType('InternalNoteRevision', { description: 'An earlier version of an internal note.' })
export class InternalNoteRevisionType {
  @Field()
  bodyMarkdown: string;

  @Field()
  bodyHtml: string;

  @Field()
  writtenAt: Date;

  @Field({ description: 'When this version was replaced by an edit.' })
  replacedAt: Date;

  static from(r: InternalNoteRevision): InternalNoteRevisionType {
    return Object.assign(new InternalNoteRevisionType(), {
      bodyMarkdown: r.bodyMarkdown,
      bodyHtml: r.bodyHtml,
      writtenAt: r.writtenAt,
      replacedAt: r.createdAt,
    });
  }
}

@ObjectType('InternalNote', {
  description: 'A note on a thread or one of its posts, read only by staff, moderators and invited experts.',
})
export class InternalNoteType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  @Field(() => ID, { nullable: true, description: 'The post the note is about; null: the whole thread.' })
  postId: string | null;

  /** Resolved as `author`. */
  authorId: string;

  @Field()
  bodyMarkdown: string;

  @Field({ description: 'Sanitized HTML, like posts.' })
  bodyHtml: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  static from(n: InternalNote): InternalNoteType {
    return Object.assign(new InternalNoteType(), {
      id: n.id,
      threadId: n.threadId,
      postId: n.postId,
      authorId: n.authorId,
      bodyMarkdown: n.bodyMarkdown,
      bodyHtml: n.bodyHtml,
      createdAt: n.createdAt,
      editedAt: n.editedAt,
    });
  }
}

@ObjectType('DutyException', { description: 'A local date off duty (no periods) or with other hours.' })
export class DutyExceptionType {
  @Field({ description: 'YYYY-MM-DD, in the schedule’s time zone.' })
  date: string;

  @Field(() => [OpeningPeriodType])
  periods: OpeningPeriodType[];

  static from(e: DutyException): DutyExceptionType {
    return Object.assign(new DutyExceptionType(), { date: e.date, periods: e.periods });
  }
}

@ObjectType('DutySchedule', {
  description: 'The weekly hours someone is on duty in a space, in their time zone.',
})
export class DutyScheduleType {
  @Field(() => ID)
  spaceId: string;

  @Field()
  timeZone: string;

  @Field(() => [OpeningPeriodType])
  periods: OpeningPeriodType[];

  @Field(() => [DutyExceptionType])
  exceptions: DutyExceptionType[];

  static from(s: DutySchedule, exceptions: DutyException[]): DutyScheduleType {
    return Object.assign(new DutyScheduleType(), {
      spaceId: s.spaceId,
      timeZone: s.timeZone,
      periods: s.periods,
      exceptions: exceptions.map((e) => DutyExceptionType.from(e)),
    });
  }
}
