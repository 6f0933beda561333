import { Field, ID, InputType } from '@nestjs/graphql';
import { LANGUAGES, SPACE_TEXT_LIMITS, type Language } from '@parvis/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { TextLength, TextMaxLength } from '../common/text.validators';
import { trim } from '../common/trim.transform';

const NAME_MESSAGE = `Name the space in ${SPACE_TEXT_LIMITS.name.min} to ${SPACE_TEXT_LIMITS.name.max} characters.`;
const DESCRIPTION_MESSAGE = `Describe the space in at most ${SPACE_TEXT_LIMITS.description.max} characters.`;

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
  @IsString({ message: NAME_MESSAGE })
  @TextLength(SPACE_TEXT_LIMITS.name.min, SPACE_TEXT_LIMITS.name.max, { message: NAME_MESSAGE })
  name: string;

  @Field()
  @Transform(trim)
  @IsString({ message: DESCRIPTION_MESSAGE })
  @TextMaxLength(SPACE_TEXT_LIMITS.description.max, { message: DESCRIPTION_MESSAGE })
  description: string;
}
