import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CharterRule as CharterRuleName } from '@parvis/domain';
import { Flag } from './flag.entity';
import { CharterRule } from './moderation-enums.type';

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
