import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { FOLLOW_SUBJECT_TYPES, FollowSubjectType } from './follow.entity';
import {
  Notification,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_TYPES,
  NotificationDelivery,
  NotificationKind as NotificationKindName,
  NotificationSubjectType,
} from './notification.entity';
import { NotificationGroupRow } from './notifications.queries';

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

export const NotificationSubjectTypeEnum = Object.fromEntries(
  NOTIFICATION_SUBJECT_TYPES.map((k) => [k, k]),
) as {
  [K in NotificationSubjectType]: K;
};
registerEnumType(NotificationSubjectTypeEnum, { name: 'NotificationSubjectType' });
export const NotificationDeliveryEnum = Object.fromEntries(NOTIFICATION_DELIVERIES.map((k) => [k, k])) as {
  [K in NotificationDelivery]: K;
};
registerEnumType(NotificationDeliveryEnum, {
  name: 'NotificationDelivery',
  description:
    'In the app only, e-mail at once, in the daily or weekly digest e-mail (and in the app), or off.',
});
export const FollowSubjectTypeEnum = Object.fromEntries(FOLLOW_SUBJECT_TYPES.map((k) => [k, k])) as {
  [K in FollowSubjectType]: K;
};
registerEnumType(FollowSubjectTypeEnum, { name: 'FollowSubjectType' });

/**
 * Several notices of one kind about one subject, shown as one line ("Sarah and 3 others thanked
 * your post"). The subject's title and the post's text are resolved when read, by the domain that
 * owns them and with its visibility rules (`thread`, `post`, `idea`, `campaign`).
 */
@ObjectType('NotificationGroup')
export class NotificationGroupType {
  @Field(() => ID, {
    description: 'Stable while the group exists: subject, kind (and post for grouped thanks).',
  })
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKindName;

  @Field(() => NotificationSubjectTypeEnum)
  subjectType: NotificationSubjectType;

  @Field(() => ID)
  subjectId: string;

  @Field(() => Int, { description: 'How many notices the group holds.' })
  count: number;

  @Field(() => Int)
  unreadCount: number;

  @Field()
  latestAt: Date;

  @Field(() => Int, { description: 'How many different people acted (the first three are `actors`).' })
  actorCount: number;

  @Field(() => ID, { nullable: true, description: 'The post to open: the earliest unread one of the group.' })
  postId: string | null;

  @Field(() => ID, { nullable: true, description: 'The private follow-up the notice is about.' })
  followUpId: string | null;

  @Field(() => Boolean, { description: 'For private follow-ups: this notice opened it.' })
  started: boolean;

  @Field(() => String, { nullable: true, description: 'For idea notices: the status before the change.' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'For idea notices: the status after the change.' })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'For hidden posts: the charter rule.' })
  rule: string | null;

  @Field(() => String, { nullable: true, description: 'For deadline warnings: FIRST_RESPONSE or ANSWER.' })
  clock: string | null;

  @Field(() => Date, { nullable: true, description: 'For deadline warnings: when the deadline falls.' })
  dueAt: Date | null;

  winnerIdeaId: string | null;
  actorIds: string[];

  static from(row: NotificationGroupRow): NotificationGroupType {
    const d = row.data;
    const postKey = ['THANKED', 'POST_HIDDEN', 'POST_RESTORED'].includes(row.kind)
      ? `:${d.postId ?? ''}`
      : row.kind === 'SLA_AT_RISK'
        ? `:${d.clock ?? ''}`
        : '';
    return Object.assign(new NotificationGroupType(), {
      id: `${row.subjectType}:${row.subjectId}:${row.kind}${postKey}`,
      kind: row.kind,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      count: row.count,
      unreadCount: row.unread,
      latestAt: row.latestAt,
      actorCount: row.actorCount,
      postId: d.postId ?? null,
      followUpId: d.followUpId ?? null,
      started: Boolean(d.started),
      fromStatus: d.from ?? null,
      toStatus: d.to ?? null,
      rule: d.rule ?? null,
      clock: d.clock ?? null,
      dueAt: d.dueAt ? new Date(d.dueAt) : null,
      winnerIdeaId: d.winnerIdeaId ?? null,
      actorIds: [...new Set(row.actorIds ?? [])].slice(0, 3),
    });
  }
}

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field(() => NotificationKind)
  kind: NotificationKindName;

  @Field(() => NotificationDeliveryEnum)
  delivery: NotificationDelivery;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsType {
  @Field(() => [NotificationPreferenceType])
  preferences: NotificationPreferenceType[];

  @Field({ description: 'The time zone of the digest hour.' })
  timeZone: string;

  @Field(() => Int, {
    description: 'The local hour digests are sent at (a setting of the site, DIGEST_HOUR).',
  })
  digestHour: number;
}
