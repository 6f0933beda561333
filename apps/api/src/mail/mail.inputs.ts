import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { TextMaxLength, TextMinLength } from '../common/text.validators';

@InputType()
export class UnsubscribeInput {
  @Field({ description: 'The token of the link in the mail.' })
  @IsString()
  @TextMinLength(1, { message: 'This unsubscribe link is incomplete.' })
  @TextMaxLength(200, { message: 'This unsubscribe link is not one Parvis sent.' })
  token: string;
}
