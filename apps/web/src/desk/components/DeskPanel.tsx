import type { Reference } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RoleBadge } from '../../components/RoleBadge';
import { graphql } from '../../gql';
import type { ThreadDeskFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import {
  AddNoteMutation,
  AssignableUsersQuery,
  AssignThreadMutation,
  InviteExpertMutation,
  ReleaseThreadMutation,
  TakeThreadMutation,
} from '../api/desk';

export const InternalNoteFields = graphql(`
  fragment InternalNoteFields on InternalNote {
    id
    threadId
    postId
    bodyHtml
    createdAt
    editedAt
    author {
      ...AuthorFields
    }
  }
`);

/** What the desk shows of a thread; every field is null or false for people outside the desk. */
export const ThreadDeskFields = graphql(`
  fragment ThreadDeskFields on Thread {
    id
    viewerCanAssign
    viewerCanTake
    viewerCanRelease
    viewerCanReadNotes
    assignee {
      id
      displayName
    }
    assignmentHistory {
      kind
      createdAt
      actor {
        id
        displayName
      }
      assignee {
        id
        displayName
      }
    }
    notes {
      ...InternalNoteFields
    }
  }
`);

/**
 * The brand's side of a thread, for staff, moderators and the experts invited to it: who has it
 * (assign, take, hand over, release), its internal history, and its internal notes. Nothing is
 * rendered for anyone else, and the API gives them nothing to render.
 */
/** A post a note may be about: its id and whose it is. */
export interface NotablePost {
  id: string;
  authorName: string;
}

export function DeskPanel({
  thread,
  posts = [],
}: {
  thread: ThreadDeskFieldsFragment;
  /** The thread's posts shown on the page, so a note can be about one of them. */
  posts?: NotablePost[];
}) {
  const { t } = useTranslation('desk');
  const shown =
    thread.viewerCanAssign || thread.viewerCanTake || thread.viewerCanRelease || thread.viewerCanReadNotes;
  if (!shown) return null;
  return (
    <section className="desk-panel" aria-labelledby={`desk-${thread.id}`}>
      <h2 id={`desk-${thread.id}`}>{t('panel.heading')}</h2>
      <p className="notice">{t('panel.internal')}</p>
      <Assignment thread={thread} />
      {thread.viewerCanReadNotes && <Notes thread={thread} posts={posts} />}
    </section>
  );
}

function Assignment({ thread }: { thread: ThreadDeskFieldsFragment }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? 'en';
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const people = useQuery(AssignableUsersQuery, { skip: !thread.viewerCanAssign });
  const [assign, assigning] = useMutation(AssignThreadMutation);
  const [take, taking] = useMutation(TakeThreadMutation);
  const [release, releasing] = useMutation(ReleaseThreadMutation);
  const input = { variables: { input: { threadId: thread.id } } };
  const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) quietly(assign({ variables: { input: { threadId: thread.id, assigneeId: chosen } } }));
  };
  const candidates = (people.data?.assignableUsers ?? []).filter((u) => u.id !== thread.assignee?.id);
  return (
    <div className="desk-assignment">
      <p className="desk-assignee">
        {thread.assignee ? t('assign.assignedTo', { name: thread.assignee.displayName }) : t('assign.nobody')}
      </p>
      <div className="thread-actions">
        {thread.viewerCanTake && (
          <button
            type="button"
            className="button"
            disabled={taking.loading}
            onClick={() => quietly(take(input))}
          >
            {t('assign.take')}
          </button>
        )}
        {thread.viewerCanRelease && (
          <button
            type="button"
            className="button"
            disabled={releasing.loading}
            onClick={() => quietly(release(input))}
          >
            {t('assign.release')}
          </button>
        )}
      </div>
      {thread.viewerCanAssign && (
        <form className="desk-assign-form" onSubmit={submit}>
          <label htmlFor={selectId}>{thread.assignee ? t('assign.handOverTo') : t('assign.assignTo')}</label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('assign.choose')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({t(`roles.${u.role}`)})
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={!chosen || assigning.loading}>
            {thread.assignee ? t('assign.handOver') : t('assign.assign')}
          </button>
        </form>
      )}
      <ErrorNotice error={assigning.error ?? taking.error ?? releasing.error} />
      {thread.assignmentHistory && thread.assignmentHistory.length > 0 && (
        <details className="desk-history">
          <summary>{t('history.heading')}</summary>
          <ol>
            {thread.assignmentHistory.map((event) => (
              <li key={`${event.kind}-${event.createdAt}`}>
                <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, language)}</time> ·{' '}
                {t(`history.${event.kind}`, {
                  actor: event.actor.displayName,
                  assignee: event.assignee?.displayName ?? '',
                })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function Notes({ thread, posts }: { thread: ThreadDeskFieldsFragment; posts: NotablePost[] }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? 'en';
  const bodyId = useId();
  const mentionId = useId();
  const aboutId = useId();
  const [body, setBody] = useState('');
  const [postId, setPostId] = useState('');
  const colleagues = useQuery(AssignableUsersQuery, { skip: !thread.viewerCanAssign });
  const [addNote, adding] = useMutation(AddNoteMutation, {
    update: (cache, { data }) => {
      if (!data) return;
      cache.modify({
        id: cache.identify({ __typename: 'Thread', id: thread.id }),
        fields: {
          notes: (existing: unknown[] | Reference, { isReference, toReference }) =>
            isReference(existing)
              ? existing
              : [...(existing ?? []), toReference({ __typename: 'InternalNote', id: data.addNote.id })],
        },
      });
    },
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await addNote({
        variables: { input: { threadId: thread.id, bodyMarkdown: body, postId: postId || null } },
      });
      setBody('');
      setPostId('');
    } catch {
      // Shown by ErrorNotice.
    }
  };
  const mention = (id: string) => {
    const person = colleagues.data?.assignableUsers.find((u) => u.id === id);
    if (person)
      setBody(
        (text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@[${person.displayName}](${person.id}) `,
      );
  };
  return (
    <div className="desk-notes">
      <h3>{t('notes.heading')}</h3>
      {(thread.notes ?? []).length === 0 ? (
        <p>{t('notes.empty')}</p>
      ) : (
        <ol className="notes">
          {(thread.notes ?? []).map((note) => (
            <li key={note.id} className="note">
              <p className="note-meta">
                {note.author.displayName} <RoleBadge role={note.author.role} /> ·{' '}
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, language)}</time>
                {note.postId && (
                  <>
                    {' · '}
                    <a href={`#post-${note.postId}`}>
                      {t('notes.onPostBy', {
                        name: posts.find((p) => p.id === note.postId)?.authorName ?? t('notes.someone'),
                      })}
                    </a>
                  </>
                )}
              </p>
              <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
            </li>
          ))}
        </ol>
      )}
      <form className="desk-note-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={bodyId}>{t('notes.write')}</label>
        <textarea id={bodyId} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        {posts.length > 0 && (
          <>
            <label htmlFor={aboutId}>{t('notes.about')}</label>
            <select id={aboutId} value={postId} onChange={(e) => setPostId(e.target.value)}>
              <option value="">{t('notes.wholeThread')}</option>
              {posts.map((p, index) => (
                <option key={p.id} value={p.id}>
                  {t('notes.postOption', { index: index + 1, name: p.authorName })}
                </option>
              ))}
            </select>
          </>
        )}
        {colleagues.data && (
          <>
            <label htmlFor={mentionId}>{t('notes.mention')}</label>
            <select id={mentionId} value="" onChange={(e) => mention(e.target.value)}>
              <option value="">{t('notes.chooseColleague')}</option>
              {colleagues.data.assignableUsers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="button" disabled={!body.trim() || adding.loading}>
          {t('notes.add')}
        </button>
        <ErrorNotice error={adding.error} />
      </form>
      {thread.viewerCanAssign && colleagues.data && (
        <InviteExpert
          threadId={thread.id}
          experts={colleagues.data.assignableUsers.filter((u) => u.role === 'EXPERT')}
        />
      )}
    </div>
  );
}

/** Staff and moderators open a thread's notes to an expert they want to consult. */
function InviteExpert({
  threadId,
  experts,
}: {
  threadId: string;
  experts: { id: string; displayName: string }[];
}) {
  const { t } = useTranslation('desk');
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const [invite, inviting] = useMutation(InviteExpertMutation);
  if (experts.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await invite({ variables: { input: { threadId, userId: chosen } } });
      setInvited(experts.find((e) => e.id === chosen)?.displayName ?? null);
      setChosen('');
    } catch {
      // Shown by ErrorNotice.
    }
  };
  return (
    <form className="desk-assign-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={selectId}>{t('notes.invite')}</label>
      <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('assign.choose')}</option>
        {experts.map((e) => (
          <option key={e.id} value={e.id}>
            {e.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={!chosen || inviting.loading}>
        {t('notes.inviteButton')}
      </button>
      {invited && <p role="status">{t('notes.invited', { name: invited })}</p>}
      <ErrorNotice error={inviting.error} />
    </form>
  );
}
