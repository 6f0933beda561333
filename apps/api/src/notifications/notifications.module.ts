import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { MailModule } from '../mail/mail.module';
import { NotificationGroupsResolver } from './notification-groups.resolver';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { UnreadCountResolver } from './unread-count.resolver';

@Module({
  imports: [IdentityModule, MailModule],
  providers: [NotificationsService, NotificationsResolver, UnreadCountResolver, NotificationGroupsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
