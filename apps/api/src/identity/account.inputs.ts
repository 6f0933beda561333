import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@parvis/domain';
import { IsString } from 'class-validator';
import { TextMaxLength, TextMinLength } from '../common/text.validators';
import { EmailAddressField } from './identity.inputs';

const TOKEN_MESSAGE = 'This link is incomplete: open it again from the e-mail, or ask for a new one.';

@InputType()
export class RequestPasswordResetInput {
  @EmailAddressField()
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the link in the e-mail.' })
  @IsString()
  @TextMinLength(20, { message: TOKEN_MESSAGE })
  @TextMaxLength(100, { message: TOKEN_MESSAGE })
  token: string;

  @Field()
  @IsString()
  @TextMinLength(1, { message: 'Choose a password.' })
  password: string;
}

@InputType()
export class ConfirmEmailInput {
  @Field({ description: 'The token of the link in the e-mail.' })
  @IsString()
  @TextMinLength(20, { message: TOKEN_MESSAGE })
  @TextMaxLength(100, { message: TOKEN_MESSAGE })
  token: string;
}

@InputType()
export class ChangeEmailInput {
  @EmailAddressField()
  newEmail: string;

  @Field({ description: 'The current password, to prove it is the owner asking.' })
  @IsString()
  @TextMinLength(1, { message: 'Enter your password.' })
  @TextMaxLength(LIMITS.password.max, {
    message: `The password is longer than ${LIMITS.password.max} characters.`,
  })
  password: string;
}
