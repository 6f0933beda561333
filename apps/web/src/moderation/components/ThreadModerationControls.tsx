import { useMutation, useQuery } from '@apollo/client/react';
import { MODERATION_LIMITS } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { ThreadModerationFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../lib/viewer';
import {
  LockThreadMutation,
  MoveTargetsQuery,
  MoveThreadMutation,
  PinThreadMutation,
  UnlockThreadMutation,
  UnpinThreadMutation,
} from '../api/moderation';

/** What the controls read of a thread; the lock and pin mutations return it, so the cache follows. */
export const ThreadModerationFields = graphql(`
  fragment ThreadModerationFields on Thread {
    id
    locked
    lockReason
    pinned
    space {
      id
    }
  }
`);

/** Moderators lock (with a reason), pin and move a thread. Nothing is shown to anyone else. */
export function ThreadModerationControls({ thread }: { thread: ThreadModerationFieldsFragment }) {
  const { isModerator } = useViewer();
  if (!isModerator) return null;
  return <Controls thread={thread} />;
}

function Controls({ thread }: { thread: ThreadModerationFieldsFragment }) {
  const { t } = useTranslation('moderation');
  const reasonId = useId();
  const moveId = useId();
  const [locking, setLocking] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const spaces = useQuery(MoveTargetsQuery);
  const [lock, locked] = useMutation(LockThreadMutation);
  const [unlock, unlocked] = useMutation(UnlockThreadMutation);
  const [pin, pinned] = useMutation(PinThreadMutation);
  const [unpin, unpinned] = useMutation(UnpinThreadMutation);
  const [move, moved] = useMutation(MoveThreadMutation);
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
