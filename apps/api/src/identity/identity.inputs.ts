import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { LANGUAGES, LIMITS, ROLES, Role as RoleName } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { TextLength, TextMaxLength, TextMinLength } from '../common/text.validators';
import { Role } from './user.type';
import { trim } from '../common/trim.transform';

/** An e-mail address as every input takes it: trimmed, valid, and no longer than the column. */
export function EmailAddressField(): PropertyDecorator {
  return applyDecorators(
    Field(),
    Transform(trim),
    IsEmail({}, { message: 'Enter a valid e-mail address, like ana@example.com.' }),
    TextMaxLength(LIMITS.email.max, {
      message: `The e-mail address is longer than ${LIMITS.email.max} characters.`,
    }),
  );
}

@InputType()
export class RegisterInput {
  @EmailAddressField()
  email: string;

  @Field()
  @Transform(trim)
  @IsString()
  @TextLength(LIMITS.displayName.min, LIMITS.displayName.max, {
    message: `Your name must be ${LIMITS.displayName.min} to ${LIMITS.displayName.max} characters long.`,
  })
  displayName: string;

  /** Strength rules beyond length are checked by the service (they need the e-mail). */
  @Field()
  @IsString()
  @TextMinLength(1, { message: 'Choose a password.' })
  password: string;

  @Field({ nullable: true, description: 'fr, en or es' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'The language must be fr, en or es.' })
  locale?: string;

  /** Not refused when unsafe: sign-up goes on, and its confirmation link simply leads home. */
  @Field(() => String, {
    nullable: true,
    description:
      'The page of this site the person signed up from; the confirmation link leads back to it. Anything but a path of this site is dropped.',
  })
  @IsOptional()
  @IsString()
  returnTo?: string | null;
}

@InputType()
export class SignInInput {
  @Field()
  @Transform(trim)
  @IsString()
  @TextMinLength(1, { message: 'Enter your e-mail address.' })
  @TextMaxLength(LIMITS.email.max, {
    message: `The e-mail address is longer than ${LIMITS.email.max} characters.`,
  })
  email: string;

  @Field()
  @IsString()
  @TextMinLength(1, { message: 'Enter your password.' })
  @TextMaxLength(LIMITS.password.max, {
    message: `The password is longer than ${LIMITS.password.max} characters.`,
  })
  password: string;
}

@InputType()
export class SetRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be the id of a person.' })
  userId: string;

  @Field(() => Role)
  @IsIn(ROLES, { message: 'role must be one of MEMBER, EXPERT, STAFF, MODERATOR, ADMIN.' })
  role: RoleName;
}
