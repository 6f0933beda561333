import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasAtLeastRole } from '@parvis/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/domain-error';
import { mentionedUserIds, renderMarkdown } from '../common/markdown';
import { requireSignedIn, SignedInViewer, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Post } from '../threads/post.entity';
import { Thread } from '../threads/thread.entity';
import { canReadNotes, DeskActor, runsDesk } from './desk.rules';
import { InternalNote, InternalNoteRevision, NoteReader } from './internal-note.entity';

export interface AddNoteParams {
  threadId: string;
  postId?: string | null;
  author: DeskActor;
  bodyMarkdown: string;
  at?: Date;
}

/**
 * Internal notes: the brand's people discuss a thread, an idea or a post before answering it.
 * Read only by staff, moderators and experts invited to the thread; mentions tell only people
 * who may read them (by a notice naming the thread, never carrying the note's text). Notes are
 * never deleted; an edit keeps the previous version.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Whether `viewer` may read the notes of these threads, by thread id (for the loaders too). */
  async readableThreads(
    viewer: Viewer,
    threadIds: readonly string[],
    tx?: EntityManager,
  ): Promise<Set<string>> {
    if (!viewer) return new Set();
    if (runsDesk(viewer)) return new Set(threadIds);
    if (viewer.role !== 'EXPERT' || threadIds.length === 0) return new Set();
    const rows = await (tx ?? this.db.manager).find(NoteReader, {
      where: { userId: viewer.id, threadId: In([...threadIds]) },
    });
    return new Set(rows.map((r) => r.threadId));
  }

  async mayRead(viewer: Viewer, threadId: string, tx?: EntityManager): Promise<boolean> {
    if (!viewer) return false;
    const invited = (await this.readableThreads(viewer, [threadId], tx)).has(threadId);
    return canReadNotes(viewer, invited);
  }

  async addNote(viewer: Viewer, input: { threadId: string; postId?: string | null; bodyMarkdown: string }) {
    const author = requireSignedIn(viewer, 'write an internal note');
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Thread, { id: input.threadId }))) throw notFound('There is no such thread.');
      if (!(await this.mayRead(author, input.threadId, tx)))
        throw forbidden(
          'Only staff, moderators and experts invited to this thread write its internal notes.',
        );
      return this.add(tx, { ...input, author });
    });
  }

  /** Writes a note in the caller's transaction, once the caller checked who may (the demo seed too). */
  async add(tx: EntityManager, params: AddNoteParams): Promise<InternalNote> {
    if (params.postId) {
      const post = await tx.findOneBy(Post, { id: params.postId });
      if (!post || post.threadId !== params.threadId)
        throw badInput('postId', 'The post must be one of this thread’s posts.');
    }
    const note = tx.create(InternalNote, {
      threadId: params.threadId,
      postId: params.postId ?? null,
      authorId: params.author.id,
      bodyMarkdown: params.bodyMarkdown,
      bodyHtml: renderMarkdown(params.bodyMarkdown),
      createdAt: params.at,
    });
    await tx.insert(InternalNote, note);
    await this.tellMentioned(tx, note, params.author, params.at);
    return tx.findOneByOrFail(InternalNote, { id: note.id });
  }

  /** Only its author edits a note; the previous version is kept. */
  async editNote(viewer: Viewer, input: { noteId: string; bodyMarkdown: string }): Promise<InternalNote> {
    const editor = requireSignedIn(viewer, 'edit an internal note');
    return this.db.transaction(async (tx) => {
      const note = await tx.findOne(InternalNote, {
        where: { id: input.noteId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!note || !(await this.mayRead(editor, note.threadId, tx))) throw notFound('There is no such note.');
      if (note.authorId !== editor.id) throw forbidden('Only its author can edit a note.');
      if (note.bodyMarkdown === input.bodyMarkdown) return note;
      await tx.insert(InternalNoteRevision, {
        noteId: note.id,
        bodyMarkdown: note.bodyMarkdown,
        bodyHtml: note.bodyHtml,
        writtenAt: note.editedAt ?? note.createdAt,
      });
      await tx.update(
        InternalNote,
        { id: note.id },
        {
          bodyMarkdown: input.bodyMarkdown,
          bodyHtml: renderMarkdown(input.bodyMarkdown),
          editedAt: new Date(),
        },
      );
      const edited = await tx.findOneByOrFail(InternalNote, { id: note.id });
      await this.tellMentioned(tx, edited, editor, undefined, mentionedUserIds(note.bodyMarkdown));
      return edited;
    });
  }

  /** Staff and moderators invite an expert to a thread's notes. */
  async inviteExpert(viewer: Viewer, input: { threadId: string; userId: string }): Promise<SignedInViewer> {
    const actor = requireSignedIn(viewer, 'invite an expert');
    if (!runsDesk(actor)) throw forbidden('Only staff and moderators invite experts to internal notes.');
    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Thread, { id: input.threadId }))) throw notFound('There is no such thread.');
      const [user] = await this.identity.usersByIds([input.userId], tx);
      if (!user || user.role !== 'EXPERT')
        throw badInput('userId', 'Only experts are invited to a thread’s notes.');
      await tx
        .createQueryBuilder()
        .insert()
        .into(NoteReader)
        .values({ threadId: input.threadId, userId: user.id, invitedById: actor.id })
        .orIgnore()
        .execute();
      return actor;
    });
  }

  /**
   * The people a note names who may read it are told (those already named by its previous version
   * are not told twice); anyone else named is not, so a note never reaches a member.
   */
  private async tellMentioned(
    tx: EntityManager,
    note: InternalNote,
    author: DeskActor,
    at?: Date,
    alreadyNamed: readonly string[] = [],
  ): Promise<void> {
    const named = mentionedUserIds(note.bodyMarkdown).filter((id) => !alreadyNamed.includes(id));
    if (named.length === 0) return;
    const people = await this.identity.usersByIds(named, tx);
    const invited = new Set(
      (
        await tx.find(NoteReader, { where: { threadId: note.threadId, userId: In(people.map((p) => p.id)) } })
      ).map((r) => r.userId),
    );
    const readers = people
      .filter((p) => hasAtLeastRole(p.role, 'STAFF') || (p.role === 'EXPERT' && invited.has(p.id)))
      .map((p) => p.id);
    if (readers.length === 0) return;
    await this.notifications.notify(tx, readers, {
      kind: 'NOTE_MENTIONED',
      subject: { type: 'THREAD', id: note.threadId },
      actorId: author.id,
      data: { noteId: note.id },
      at,
    });
  }

  // ─── Reading, for the per-request loaders (the resolver checks who may read first) ─────────

  notesByThreadIds(threadIds: readonly string[]): Promise<InternalNote[]> {
    return this.db
      .getRepository(InternalNote)
      .find({ where: { threadId: In([...threadIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Revisions of many notes, newest first. */
  revisionsByNoteIds(noteIds: readonly string[]): Promise<InternalNoteRevision[]> {
    return this.db
      .getRepository(InternalNoteRevision)
      .find({ where: { noteId: In([...noteIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
