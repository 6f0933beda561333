import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { UnreadCountResolver } from './unread-count.resolver';

@Module({
  imports: [IdentityModule],
  providers: [NotificationsService, NotificationsResolver, UnreadCountResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
