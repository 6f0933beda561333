import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../common/trim.transform';

const TOKEN_MESSAGE = 'This link is incomplete: open it again from the e-mail, or ask for a new one.';

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid e-mail address, like ana@example.com.' })
  @MaxLength(LIMITS.email.max, {
    message: `The e-mail address is longer than ${LIMITS.email.max} characters.`,
  })
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the link in the e-mail.' })
  @IsString()
  @MinLength(20, { message: TOKEN_MESSAGE })
  @MaxLength(100, { message: TOKEN_MESSAGE })
  token: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Choose a password.' })
  password: string;
}

@InputType()
export class ConfirmEmailInput {
  @Field({ description: 'The token of the link in the e-mail.' })
  @IsString()
  @MinLength(20, { message: TOKEN_MESSAGE })
  @MaxLength(100, { message: TOKEN_MESSAGE })
  token: string;
}

@InputType()
export class ChangeEmailInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid e-mail address, like ana@example.com.' })
  @MaxLength(LIMITS.email.max, {
    message: `The e-mail address is longer than ${LIMITS.email.max} characters.`,
  })
  newEmail: string;

  @Field({ description: 'The current password, to prove it is the owner asking.' })
  @IsString()
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(LIMITS.password.max, {
    message: `The password is longer than ${LIMITS.password.max} characters.`,
  })
  password: string;
}
