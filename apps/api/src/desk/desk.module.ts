import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SpacesModule } from '../spaces/spaces.module';
import { ThreadsModule } from '../threads/threads.module';
import { AssignmentsService } from './assignments.service';
import {
  AssignmentEventResolver,
  DeskSpaceResolver,
  DeskThreadResolver,
  InternalNoteResolver,
} from './desk.resolver';
import { DutyQueueModule } from './duty-queue.module';
import { DutyResolver } from './duty.resolver';
import { DutyService } from './duty.service';
import { NotesService } from './notes.service';

/** The brand's desk: assignment of threads, internal notes, managers on duty and opening hours. */
@Module({
  imports: [IdentityModule, SpacesModule, ThreadsModule, NotificationsModule, DutyQueueModule],
  providers: [
    AssignmentsService,
    NotesService,
    DutyService,
    DeskThreadResolver,
    DeskSpaceResolver,
    AssignmentEventResolver,
    InternalNoteResolver,
    DutyResolver,
  ],
  exports: [AssignmentsService, NotesService, DutyService],
})
export class DeskModule {}
