import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole } from '@parvis/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { forbidden, notFound } from '../common/domain-error';
import { renderMarkdown } from '../common/markdown';
import { ConnectionShape, pageInCreationOrder } from '../common/pagination';
import { requireSignedIn, Viewer } from '../common/viewer';
import { PostsService } from './posts.service';
import { PrivateFollowUp, PrivateMessage } from './private-follow-up.entity';
import { lockThreadRow } from './thread-lock';
import { ThreadNoticesService } from './thread-notices.service';
import { Thread } from './thread.entity';
import { SendPrivateMessageInput, StartPrivateFollowUpInput } from './threads.inputs';
import { Actor, canReadPrivateFollowUp, canStartPrivateFollowUp } from './threads.rules';

/**
 * Private follow-ups: a confidential case continues between the asker and the brand's staff,
 * while the public thread stays as it is with a notice naming the agent.
 */
@Injectable()
export class PrivateFollowUpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly notices: ThreadNoticesService,
  ) {}

  /**
   * Moves a confidential case to a conversation between the asker and staff. The public thread
   * stays as it is, open to replies, with a notice naming the agent. A second start reuses the
   * same conversation. It acknowledges the asker, so it counts as the first response.
   */
  async startPrivateFollowUp(viewer: Viewer, input: StartPrivateFollowUpInput): Promise<PrivateFollowUp> {
    const agent = requireSignedIn(viewer, 'start a private follow-up');
    if (!canStartPrivateFollowUp(agent))
      throw forbidden('Only the brand’s staff can start a private follow-up.');
    return this.db.transaction(async (tx) => {
      const thread = await lockThreadRow(tx, input.threadId);
      const followUp = await this.open(tx, thread, agent, input.bodyMarkdown);
      return tx.findOneByOrFail(PrivateFollowUp, { id: followUp.id });
    });
  }

  /**
   * Opens (or reuses) the follow-up of `thread` (its row locked) with the agent's first message,
   * in the caller's transaction, once the caller has checked the agent is staff; it counts as the
   * first response. `at`: now unless given.
   */
  async open(
    tx: EntityManager,
    thread: Thread,
    agent: Actor,
    bodyMarkdown: string,
    at?: Date,
  ): Promise<PrivateFollowUp> {
    let followUp = await tx.findOneBy(PrivateFollowUp, { threadId: thread.id });
    const started = !followUp;
    if (!followUp) {
      followUp = tx.create(PrivateFollowUp, {
        threadId: thread.id,
        askerId: thread.authorId,
        agentId: agent.id,
        createdAt: at,
      });
      await tx.insert(PrivateFollowUp, followUp);
    }
    await this.addMessage(tx, followUp.id, agent, bodyMarkdown, at, started);
    if (thread.firstResponseDueAt && !thread.firstResponseAt) {
      await tx.update(Thread, { id: thread.id }, { firstResponseAt: at ?? new Date() });
    }
    return followUp;
  }

  /**
   * A message in a follow-up, in the caller's transaction, once the caller has checked who may
   * write. `at`: now unless given.
   */
  async addMessage(
    tx: EntityManager,
    followUpId: string,
    author: Actor,
    bodyMarkdown: string,
    at?: Date,
    /** This message opens the follow-up (the asker is told it started). */
    started = false,
  ): Promise<PrivateMessage> {
    const message = tx.create(PrivateMessage, {
      followUpId,
      authorId: author.id,
      bodyMarkdown,
      bodyHtml: renderMarkdown(bodyMarkdown),
      createdAt: at,
    });
    await tx.insert(PrivateMessage, message);
    const followUp = await tx.findOneByOrFail(PrivateFollowUp, { id: followUpId });
    await this.notices.followUpMessage(tx, followUp, author, started, at);
    return tx.findOneByOrFail(PrivateMessage, { id: message.id });
  }

  async sendPrivateMessage(viewer: Viewer, input: SendPrivateMessageInput): Promise<PrivateMessage> {
    const author = requireSignedIn(viewer, 'write in a private follow-up');
    const followUp = await this.privateFollowUp(author, input.followUpId);
    return this.db.transaction(async (tx) => {
      const message = await this.addMessage(tx, followUp.id, author, input.bodyMarkdown);
      await this.posts.countPost(tx, author);
      return message;
    });
  }

  /** Only its asker and staff read a private follow-up; anyone else is told it is not theirs to read. */
  async privateFollowUp(viewer: Viewer, id: string): Promise<PrivateFollowUp> {
    const reader = requireSignedIn(viewer, 'read a private follow-up');
    const followUp = await this.db.getRepository(PrivateFollowUp).findOneBy({ id });
    if (!followUp) throw notFound('There is no such private follow-up.', 'FOLLOW_UP_NOT_FOUND');
    if (!canReadPrivateFollowUp(reader, followUp.askerId)) {
      throw forbidden('This private follow-up is only for the person who asked and the brand’s staff.');
    }
    return followUp;
  }

  /** The viewer's private follow-ups, newest first: their own cases, or every case for staff. */
  async privateFollowUps(
    viewer: Viewer,
    first: number,
    after?: string,
  ): Promise<ConnectionShape<PrivateFollowUp>> {
    const reader = requireSignedIn(viewer, 'see private follow-ups');
    const query = this.db.getRepository(PrivateFollowUp).createQueryBuilder('f');
    if (!hasAtLeastRole(reader.role, 'STAFF')) query.where('f.asker_id = :reader', { reader: reader.id });
    return pageInCreationOrder(query, 'f', { first, after }, 'DESC');
  }

  // ─── Batch reads for the per-request loaders ────────────────────────────────────────────

  followUpsByThreadIds(threadIds: readonly string[]): Promise<PrivateFollowUp[]> {
    return this.db.getRepository(PrivateFollowUp).findBy({ threadId: In([...threadIds]) });
  }

  messagesByFollowUpIds(ids: readonly string[]): Promise<PrivateMessage[]> {
    return this.db
      .getRepository(PrivateMessage)
      .find({ where: { followUpId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
