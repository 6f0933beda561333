import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { TextMaxLength } from '../common/text.validators';
import { FOLLOW_SUBJECT_TYPES, FollowSubjectType } from './follow.entity';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_TYPES,
  NotificationDelivery,
  NotificationKind as NotificationKindName,
  NotificationSubjectType,
} from './notification.entity';
import {
  FollowSubjectTypeEnum,
  NotificationDeliveryEnum,
  NotificationKind,
  NotificationSubjectTypeEnum,
} from './notification.type';

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

@InputType()
export class SubjectInput {
  @Field(() => NotificationSubjectTypeEnum)
  @IsIn(NOTIFICATION_SUBJECT_TYPES, { message: 'subjectType must be THREAD, IDEA or CAMPAIGN.' })
  subjectType: NotificationSubjectType;

  @Field(() => ID)
  @IsUUID('all', { message: 'subjectId must be the id of a thread, an idea or a campaign.' })
  subjectId: string;
}

@InputType()
export class FollowInput {
  @Field(() => FollowSubjectTypeEnum)
  @IsIn(FOLLOW_SUBJECT_TYPES, { message: 'subjectType must be THREAD or IDEA.' })
  subjectType: FollowSubjectType;

  @Field(() => ID)
  @IsUUID('all', { message: 'subjectId must be the id of a thread or an idea.' })
  subjectId: string;
}

@InputType()
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsIn(NOTIFICATION_KINDS, { message: 'kind must be a kind of notification.' })
  kind: NotificationKindName;

  @Field(() => NotificationDeliveryEnum)
  @IsIn(NOTIFICATION_DELIVERIES, { message: 'delivery must be IN_APP, EMAIL, DAILY, WEEKLY or OFF.' })
  delivery: NotificationDelivery;
}

@InputType()
export class SetNotificationTimeZoneInput {
  @Field({ description: 'An IANA time zone name, such as Europe/Paris.' })
  @IsString()
  @TextMaxLength(60, { message: 'A time zone name is at most 60 characters.' })
  timeZone: string;
}
