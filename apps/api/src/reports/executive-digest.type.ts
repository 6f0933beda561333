import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { trim } from '../common/trim.transform';

@ArgsType()
export class ExecutiveDigestArgs {
  @Field({ description: 'The day (YYYY-MM-DD).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Give a day as YYYY-MM-DD.' })
  day: string;

  @Field({ nullable: true, description: 'The time zone the day is cut in; the community’s by default.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;
}

@ObjectType('DigestThread', { description: 'A thread with negative posts that day, and its state now.' })
export class DigestThreadType {
  @Field(() => ID) threadId: string;
  @Field() title: string;
  @Field() status: string;
  @Field(() => Int) negativePosts: number;
  @Field(() => Int, { description: 'Of those, how many are marked answered.' }) answered: number;
  @Field(() => Date, { nullable: true, description: 'When the brand first responded in the thread.' })
  acknowledgedAt: Date | null;
}

@ObjectType('DigestIdeaMove', { description: 'An idea whose status changed that day.' })
export class DigestIdeaMoveType {
  @Field(() => ID) ideaId: string;
  @Field() title: string;
  @Field() fromStatus: string;
  @Field() toStatus: string;
  @Field() at: Date;
}

@ObjectType('ExecutiveDigest', {
  description: 'One day of the community against the promises, as executives receive it each morning.',
})
export class ExecutiveDigestType {
  @Field() day: string;
  @Field() timeZone: string;
  @Field(() => Int) questions: number;
  @Field(() => Int) acknowledgedInTime: number;
  @Field(() => Int) acknowledgedLate: number;
  @Field(() => Int, { description: 'First-response clocks still running.' }) acknowledgementPending: number;
  @Field(() => Int) answeredInTime: number;
  @Field(() => Int) answeredLate: number;
  @Field(() => Int) answerPending: number;
  @Field(() => [DigestThreadType]) hottestNegative: DigestThreadType[];
  @Field(() => [DigestIdeaMoveType]) ideasMoved: DigestIdeaMoveType[];
}

@ObjectType('DigestRecipient', { description: 'Who receives the executive digest (need not be a member).' })
export class DigestRecipientType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field() language: string;
  @Field() timeZone: string;
  @Field() active: boolean;
}

@InputType()
export class AddDigestRecipientInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'Enter an e-mail address.' })
  @Length(3, 254)
  email: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'The name is 1 to 80 characters.' })
  name: string;

  @Field({ description: 'fr, en or es.' })
  @IsString()
  language: string;

  @Field({ description: 'An IANA time zone (Europe/Paris): the digest arrives at the set hour of theirs.' })
  @IsString()
  @Length(1, 64)
  timeZone: string;
}

@InputType()
export class SetDigestRecipientActiveInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id.' })
  id: string;

  @Field()
  @IsBoolean()
  active: boolean;
}
