import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ExecutiveDigestResolver } from './executive-digest.resolver';
import { ExecutiveDigestService } from './executive-digest.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** The staff report, the deflection figures it needs recorded, and the daily executive digest. */
@Module({
  imports: [MailModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver, ExecutiveDigestService, ExecutiveDigestResolver],
  exports: [ReportsService, ExecutiveDigestService],
})
export class ReportsModule {}
