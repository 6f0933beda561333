import { useMutation, useQuery } from '@apollo/client/react';
import { MODERATION_LIMITS } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  LockThreadMutation,
  MoveTargetsQuery,
  MoveThreadMutation,
  PinThreadMutation,
  ThreadModerationQuery,
  UnlockThreadMutation,
  UnpinThreadMutation,
} from '../api/moderation';
import { useModerationViewer } from '../hooks/useModerationViewer';

const refetch = { refetchQueries: ['ThreadPage', 'ThreadModeration'] };

/** Moderators lock (with a reason), pin and move a thread. Nothing is shown to anyone else. */
export function ThreadModerationControls({ threadId }: { threadId: string }) {
  const { isModerator } = useModerationViewer();
  const { data } = useQuery(ThreadModerationQuery, { variables: { id: threadId }, skip: !isModerator });
  if (!isModerator || !data) return null;
  return <Controls thread={data.thread} />;
}

interface ThreadState {
  id: string;
  locked: boolean;
  pinned: boolean;
  space: { id: string };
}

function Controls({ thread }: { thread: ThreadState }) {
  const { t } = useTranslation('moderation');
  const reasonId = useId();
  const moveId = useId();
  const [locking, setLocking] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const spaces = useQuery(MoveTargetsQuery);
  const [lock, locked] = useMutation(LockThreadMutation, refetch);
  const [unlock, unlocked] = useMutation(UnlockThreadMutation, refetch);
  const [pin, pinned] = useMutation(PinThreadMutation, refetch);
  const [unpin, unpinned] = useMutation(UnpinThreadMutation, refetch);
  const [move, moved] = useMutation(MoveThreadMutation, refetch);
  const input = { input: { threadId: thread.id } };
  const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  const error = locked.error ?? unlocked.error ?? pinned.error ?? unpinned.error ?? moved.error;

  const submitLock = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await lock({ variables: { input: { threadId: thread.id, reason } } });
      setLocking(false);
      setReason('');
    } catch {
      // Shown below.
    }
  };

  const targets = (spaces.data?.spaces ?? []).filter(
    (space) => space.kind !== 'IDEAS' && space.id !== thread.space.id,
  );
  return (
    <section className="thread-moderation" aria-label={t('thread.controls')}>
      <h2 className="visually-hidden">{t('thread.controls')}</h2>
      <div className="post-actions">
        {thread.locked ? (
          <button type="button" className="button" onClick={() => quietly(unlock({ variables: input }))}>
            {t('thread.unlock')}
          </button>
        ) : (
          !locking && (
            <button type="button" className="button" onClick={() => setLocking(true)}>
              {t('thread.lock')}
            </button>
          )
        )}
        <button
          type="button"
          className="button"
          onClick={() => quietly(thread.pinned ? unpin({ variables: input }) : pin({ variables: input }))}
        >
          {thread.pinned ? t('thread.unpin') : t('thread.pin')}
        </button>
        {targets.length > 0 && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (target) quietly(move({ variables: { input: { threadId: thread.id, spaceId: target } } }));
            }}
          >
            <label htmlFor={moveId}>{t('thread.move')}</label>{' '}
            <select id={moveId} value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">—</option>
              {targets.map((space) => (
                <option key={space.id} value={space.id}>
                  {space.name}
                </option>
              ))}
            </select>{' '}
            <button type="submit" className="button" disabled={!target}>
              {t('thread.moveSubmit')}
            </button>
          </form>
        )}
      </div>
      {locking && (
        <form className="form" onSubmit={(event) => void submitLock(event)} noValidate>
          <div className="field">
            <label htmlFor={reasonId}>{t('thread.lockReason')}</label>
            <input
              id={reasonId}
              value={reason}
              maxLength={MODERATION_LIMITS.lockReason.max}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('thread.lockSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setLocking(false)}>
              {t('thread.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
