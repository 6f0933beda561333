import { Field, ID, InputType } from '@nestjs/graphql';
import { LANGUAGES, type Language } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { TextLength, TextMaxLength } from '../common/text.validators';
import { trim } from '../common/trim.transform';

@InputType()
export class SetSpaceTextsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be the id of a space.' })
  spaceId: string;

  @Field(() => String, { description: 'fr, en or es: the language these texts are in.' })
  @IsIn(LANGUAGES, { message: 'The language must be fr, en or es.' })
  language: Language;

  @Field()
  @Transform(trim)
  @IsString({ message: 'Name the space in 1 to 80 characters.' })
  @TextLength(1, 80, { message: 'Name the space in 1 to 80 characters.' })
  name: string;

  @Field()
  @Transform(trim)
  @IsString({ message: 'Describe the space in at most 500 characters.' })
  @TextMaxLength(500, { message: 'Describe the space in at most 500 characters.' })
  description: string;
}
