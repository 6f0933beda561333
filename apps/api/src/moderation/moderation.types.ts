import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CHARTER_RULES,
  CharterRule as CharterRuleName,
  MODERATION_ACTIONS,
  MODERATION_TARGETS,
  ModerationActionName,
  ModerationTarget as ModerationTargetName,
  Tone as ToneName,
  TONES,
} from '@parvis/domain';
import { Connection } from '../common/pagination';
import { PostType } from '../threads/post.type';
import { CrisisBanner } from './crisis-banner.entity';
import { Flag } from './flag.entity';
import { ModerationAction } from '../moderation-log/moderation-action.entity';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CharterRule = enumOf(CHARTER_RULES);
registerEnumType(CharterRule, {
  name: 'CharterRule',
  description:
    'The community charter’s rules, the only reasons to flag or hide a post. Disagreeing with the brand is not one.',
});
export const ModerationActionKind = enumOf(MODERATION_ACTIONS);
registerEnumType(ModerationActionKind, { name: 'ModerationActionKind' });
export const ModerationTarget = enumOf(MODERATION_TARGETS);
registerEnumType(ModerationTarget, { name: 'ModerationTarget' });
export const Tone = enumOf(TONES);
registerEnumType(Tone, { name: 'Tone' });

@ObjectType('PostHidden', { description: 'The public notice left in place of a hidden post.' })
export class PostHiddenType {
  @Field(() => CharterRule)
  reason: CharterRuleName;

  @Field(() => String, { nullable: true, description: 'The moderator’s public explanation.' })
  note: string | null;

  @Field()
  at: Date;

  /** Resolved as `by`. */
  byId: string;
}

@ObjectType('PostTone', {
  description: 'How a post reads (lexicon-based, FR/EN/ES): for staff and moderators.',
})
export class PostToneType {
  @Field(() => Tone)
  label: ToneName;

  @Field(() => Float, { description: 'From -1 (very negative) to 1 (very positive).' })
  score: number;
}

@ObjectType('Flag', { description: 'A member’s report that a post breaks the charter (moderators only).' })
export class FlagType {
  @Field(() => ID)
  id: string;

  @Field(() => CharterRule)
  reason: CharterRuleName;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  createdAt: Date;

  /** Resolved as `member`. */
  memberId: string;

  static from(flag: Flag): FlagType {
    return Object.assign(new FlagType(), {
      id: flag.id,
      reason: flag.reason,
      note: flag.note,
      createdAt: flag.createdAt,
      memberId: flag.memberId,
    });
  }
}

@ObjectType('FlaggedPost', { description: 'The open flags on one post, grouped.' })
export class FlaggedPostType {
  @Field(() => PostType)
  post: PostType;

  @Field(() => Int)
  flagsCount: number;

  @Field(() => [CharterRule], { description: 'The rules members named, most named first.' })
  reasons: CharterRuleName[];

  @Field({ description: 'When the latest flag was raised.' })
  latestAt: Date;
}

@ObjectType('ModerationQueue', {
  description: 'What moderators look at: flagged posts, then negative posts nobody has answered.',
})
export class ModerationQueueType {
  @Field(() => [FlaggedPostType], {
    description: 'Open flags grouped by post, most flagged first, then latest first.',
  })
  flagged: FlaggedPostType[];

  @Field(() => [PostType], {
    description:
      'Negative posts not yet marked answered, in threads not resolved, the longest waiting first.',
  })
  negativeUnanswered: PostType[];
}

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

@ObjectType('CrisisBanner', { description: 'An official statement shown at the top of every page.' })
export class CrisisBannerType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  bodyHtml: string;

  @Field()
  bodyMarkdown: string;

  @Field()
  publishedAt: Date;

  @Field(() => Date, { nullable: true })
  takenDownAt: Date | null;

  /** Resolved as `thread` and `publishedBy`. */
  threadId: string | null;
  publishedById: string;

  static from(banner: CrisisBanner): CrisisBannerType {
    return Object.assign(new CrisisBannerType(), {
      id: banner.id,
      title: banner.title,
      bodyHtml: banner.bodyHtml,
      bodyMarkdown: banner.bodyMarkdown,
      publishedAt: banner.publishedAt,
      takenDownAt: banner.takenDownAt,
      threadId: banner.threadId,
      publishedById: banner.publishedById,
    });
  }
}
