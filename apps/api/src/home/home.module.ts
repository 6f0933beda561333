import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas/ideas.module';
import { ThreadsModule } from '../threads/threads.module';
import { HomeResolver } from './home.resolver';

/** The home page's query: reads through threads and ideas, owns no table. */
@Module({
  imports: [ThreadsModule, IdeasModule],
  providers: [HomeResolver],
})
export class HomeModule {}
