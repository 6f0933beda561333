import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CharterRule as CharterRuleName, Tone as ToneName } from '@parvis/domain';
import { CharterRule, Tone } from './moderation-enums.type';

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
