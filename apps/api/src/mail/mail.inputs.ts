import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class UnsubscribeInput {
  @Field({ description: 'The token of the link in the mail.' })
  @IsString()
  @MinLength(1, { message: 'This unsubscribe link is incomplete.' })
  @MaxLength(200, { message: 'This unsubscribe link is not one Parvis sent.' })
  token: string;
}
