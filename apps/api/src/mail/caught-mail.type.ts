import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaughtMail } from './caught-mail.entity';

@ObjectType('MailHeader')
export class MailHeaderType {
  @Field()
  name: string;

  @Field()
  value: string;
}

@ObjectType('CaughtMail', {
  description:
    'A mail delivered to the built-in catcher (no SMTP_URL): what the recipient would have received.',
})
export class CaughtMailType {
  @Field(() => ID)
  id: string;

  @Field()
  to: string;

  @Field()
  from: string;

  @Field()
  subject: string;

  @Field({ description: 'The plain-text body.' })
  text: string;

  @Field({ description: 'The HTML body (render it sandboxed).' })
  html: string;

  @Field(() => [MailHeaderType])
  headers: MailHeaderType[];

  @Field()
  caughtAt: Date;

  static from(mail: CaughtMail): CaughtMailType {
    return Object.assign(new CaughtMailType(), {
      id: mail.id,
      to: mail.toAddress,
      from: mail.fromHeader,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: Object.entries(mail.headers).map(([name, value]) => ({ name, value })),
      caughtAt: mail.caughtAt,
    });
  }
}
