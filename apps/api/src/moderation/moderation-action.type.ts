import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  CharterRule as CharterRuleName,
  ModerationActionName,
  ModerationTarget as ModerationTargetName,
} from '@parvis/domain';
import { Connection } from '../common/pagination';
import { ModerationAction } from '../moderation-log/moderation-action.entity';
import { CharterRule, ModerationActionKind, ModerationTarget } from './moderation-enums.type';

@ObjectType('ModerationDetail', {
  description: 'One fact about a logged action (a status, a space, a role).',
})
export class ModerationDetailType {
  @Field()
  key: string;

  @Field(() => String, { nullable: true })
  value: string | null;
}

@ObjectType('ModerationAction', { description: 'One entry of the public moderation log.' })
export class ModerationActionType {
  @Field(() => ID)
  id: string;

  @Field(() => ModerationActionKind)
  action: ModerationActionName;

  @Field(() => ModerationTarget)
  targetType: ModerationTargetName;

  @Field(() => ID)
  targetId: string;

  @Field(() => CharterRule, { nullable: true, description: 'The charter rule (hiding and restoring).' })
  rule: CharterRuleName | null;

  @Field(() => String, {
    nullable: true,
    description: 'A lock reason, a hiding note, an idea’s official response.',
  })
  reason: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The thread the action is about or happened in, to link to.',
  })
  threadId: string | null;

  /**
   * Not a field as such: `title` is resolved when read (ModerationActionResolver), so that a
   * hidden question's title never stays public in the append-only log. Only a banner's own title
   * is kept in `details`; entries written before that may still hold a thread's title, ignored.
   */
  storedTitle: string | null;

  @Field(() => [ModerationDetailType])
  details: ModerationDetailType[];

  @Field()
  createdAt: Date;

  /** Resolved as `actor`. */
  actorId: string;

  static from(action: ModerationAction): ModerationActionType {
    // Titles of older entries (`title`, a merge's `intoTitle`) never go out as details.
    const { threadId, title, intoTitle: _intoTitle, ...rest } = action.details;
    return Object.assign(new ModerationActionType(), {
      id: action.id,
      action: action.action,
      targetType: action.targetType,
      targetId: action.targetId,
      rule: action.rule,
      reason: action.reason,
      threadId: typeof threadId === 'string' ? threadId : null,
      storedTitle: typeof title === 'string' ? title : null,
      details: Object.entries(rest).map(([key, value]) => ({
        key,
        value: value === null ? null : String(value),
      })),
      createdAt: action.createdAt,
      actorId: action.actorId,
    });
  }
}

export const ModerationActionConnection = Connection(ModerationActionType, 'ModerationAction');
