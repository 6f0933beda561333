import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import {
  Notification,
  NOTIFICATION_KINDS,
  NotificationKind as NotificationKindName,
  NotificationSubjectType,
} from './notification.entity';

export const NotificationKind = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKindName]: K;
};
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/**
 * An in-app notice for the viewer. `actor` resolves here; what the notice is about (e.g. `idea`)
 * is resolved by the module owning the subject type, both through per-request DataLoaders.
 */
@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKindName;

  @Field(() => String, { nullable: true, description: 'For idea notices: the status before the change.' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'For idea notices: the status after the change.' })
  toStatus: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  subjectType: NotificationSubjectType;
  subjectId: string;
  actorId: string | null;

  static from(row: Notification): NotificationType {
    return Object.assign(new NotificationType(), {
      id: row.id,
      kind: row.kind,
      fromStatus: row.data.from ?? null,
      toStatus: row.data.to ?? null,
      createdAt: row.createdAt,
      readAt: row.readAt,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      actorId: row.actorId,
    });
  }
}

/** A page of the viewer's notifications, newest first, with how many are still unread in all. */
@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(NotificationType, 'Notification', {
  abstract: true,
  totalCount: 'How many notifications the viewer has, on every page.',
}) {
  @Field(() => Int, { description: 'How many of the viewer’s notifications are unread.' })
  unreadCount: number;
}
