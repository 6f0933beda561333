import { registerEnumType } from '@nestjs/graphql';
import { CHARTER_RULES, MODERATION_ACTIONS, MODERATION_TARGETS, TONES } from '@parvis/domain';

/** A GraphQL enum whose values are the domain's list (libs/shared/domain). */
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
