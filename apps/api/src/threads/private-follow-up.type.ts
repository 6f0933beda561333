import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';

@ObjectType('PrivateMessage')
export class PrivateMessageType {
  @Field(() => ID)
  id: string;

  /** Resolved as `author`. */
  authorId: string;

  @Field({ description: 'Sanitized HTML rendered from bodyMarkdown.' })
  bodyHtml: string;

  @Field()
  bodyMarkdown: string;

  @Field()
  createdAt: Date;

  static from(message: PrivateMessage): PrivateMessageType {
    return Object.assign(new PrivateMessageType(), {
      id: message.id,
      authorId: message.authorId,
      bodyHtml: message.bodyHtml,
      bodyMarkdown: message.bodyMarkdown,
      createdAt: message.createdAt,
    });
  }
}

@ObjectType('PrivateFollowUp', {
  description: 'A confidential conversation between the asker and staff, started from a thread.',
})
export class PrivateFollowUpType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  /** Resolved as `asker`, `agent` and `thread`. */
  askerId: string;
  agentId: string;

  @Field()
  createdAt: Date;

  static from(followUp: PrivateFollowUp): PrivateFollowUpType {
    return Object.assign(new PrivateFollowUpType(), {
      id: followUp.id,
      threadId: followUp.threadId,
      askerId: followUp.askerId,
      agentId: followUp.agentId,
      createdAt: followUp.createdAt,
    });
  }
}

export const PrivateFollowUpConnection = Connection(PrivateFollowUpType, 'PrivateFollowUp');
