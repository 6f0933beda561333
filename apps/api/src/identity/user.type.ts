import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, Role as RoleName } from '@parvis/domain';
import { Viewer } from '../common/viewer';
import { User } from './user.entity';

export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in RoleName]: K };
registerEnumType(Role, { name: 'Role', description: 'What a person may do (DESIGN.md §2).' });

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: RoleName;

  @Field(() => Int, { description: 'Points earned from accepted answers and thanks received.' })
  reputation: number;

  @Field({ nullable: true, description: 'Only for the person themself: null for anyone else.' })
  email?: string;

  @Field({ nullable: true, description: 'Preferred language (fr, en, es); only for the person themself.' })
  locale?: string;

  @Field()
  createdAt: Date;

  @Field({
    description:
      'The account was closed: the person is erased, their name reads "Former member" (to be shown in the reader’s language).',
  })
  closed: boolean;

  /** From a user's row, or from the viewer (for `me`): both carry everything shown here. */
  static from(
    user: Omit<User, 'passwordHash' | 'emailConfirmedAt' | 'closedAt'> & { closedAt?: Date | null },
    viewer: Viewer,
  ): UserType {
    const self = viewer?.id === user.id;
    return Object.assign(new UserType(), {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      reputation: user.reputation,
      email: self ? user.email : undefined,
      locale: self ? (user.locale ?? undefined) : undefined,
      createdAt: user.createdAt,
      closed: Boolean(user.closedAt),
    });
  }
}
