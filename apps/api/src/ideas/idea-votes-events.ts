import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LIVE_CHANNEL, LiveEvents } from '../events/live-events.service';
import type { IdeaAnnouncement } from './ideas.queries';

export const IDEA_VOTES_TOPIC = 'ideas:votes';

/**
 * An idea's vote count changed: its id, and its campaign (null: none) so a ranking page keeps
 * only its own without reading the idea.
 */
export interface IdeaVotesEventData {
  ideaId: string;
  campaignId: string | null;
}

/** Announces, when the caller's transaction commits, that ideas' vote counts changed. */
@Injectable()
export class IdeaVotesEvents {
  constructor(private readonly live: LiveEvents) {}

  /** For a statement that reads an idea and announces it in one (`ideaByIdAnnounced`). */
  readonly announcement: IdeaAnnouncement = { channel: LIVE_CHANNEL, topic: IDEA_VOTES_TOPIC };

  async publish(tx: EntityManager, ideas: readonly IdeaVotesEventData[]): Promise<void> {
    for (const idea of ideas) {
      await this.live.publish(tx, IDEA_VOTES_TOPIC, { ideaId: idea.ideaId, campaignId: idea.campaignId });
    }
  }
}
