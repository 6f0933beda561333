import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlInList } from '../common/sql-check';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NotificationDelivery,
  NotificationKind,
} from './notification.entity';

/** Someone's choice for one kind of event; a kind without a row takes `defaultDelivery(kind)`. */
@Entity('notification_preferences')
@Check('notification_preferences_kind_check', sqlInList('kind', NOTIFICATION_KINDS))
@Check('notification_preferences_delivery_check', sqlInList('delivery', NOTIFICATION_DELIVERIES))
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_preferences_pkey' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preferences_user_id_fkey' })
  user?: unknown;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'notification_preferences_pkey' })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 10 })
  delivery: NotificationDelivery;
}

/** Where someone reads their digests: the time zone their digest hour is in (DEFAULT_TIME_ZONE without a row). */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_settings_pkey' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_settings_user_id_fkey' })
  user?: unknown;

  @Column({ type: 'varchar', length: 60 })
  timeZone: string;
}
