import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'The notifications to mark read; all of the viewer’s when omitted.',
  })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of notification ids.' })
  @ArrayMaxSize(100, {
    message: 'Mark at most 100 notifications read at once, or leave ids out to mark them all.',
  })
  @IsUUID('all', { each: true, message: 'ids must be a list of notification ids.' })
  ids?: string[];
}
