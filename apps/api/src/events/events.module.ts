import { Global, Module } from '@nestjs/common';
import { LiveEvents } from './live-events.service';

/** The live-event bus (one LISTEN connection per process), available to every domain module. */
@Global()
@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class EventsModule {}
