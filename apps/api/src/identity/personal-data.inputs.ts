import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({
  description:
    'Closing an account: your own (with your password), or, for admins, someone’s on their request (with their id).',
})
export class CloseAccountInput {
  @Field({ nullable: true, description: 'Your password, to close your own account.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Admins only: the account to close, at its owner’s request.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'This is not an account id.' })
  userId?: string;
}
