import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ModerationPostFieldsFragment } from '../../gql/graphql';
import { MarkAnsweredMutation, RestorePostMutation, ThreadModerationQuery } from '../api/moderation';
import { FlagDialog } from './FlagDialog';
import { HiddenNotice } from './HiddenNotice';
import { HideForm } from './HideForm';

type ModeratedPost = ModerationPostFieldsFragment;

/**
 * The moderation side of one post, shown under its body on the thread page: the hidden notice,
 * the answered mark with a link to the answer, the tone (staff), and the actions the viewer may
 * take (flag; hide or restore; mark answered). One query per thread, shared by all its posts.
 */
export function PostModeration({ threadId, postId }: { threadId: string; postId: string }) {
  const { data } = useQuery(ThreadModerationQuery, { variables: { id: threadId } });
  if (!data) return null;
  const replies = data.thread.posts.edges.map((edge) => edge.node);
  const post = [data.thread.question, ...replies].find((candidate) => candidate.id === postId);
  if (!post) return null;
  return <PostModerationView post={post} replies={replies} />;
}

export function PostModerationView({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t } = useTranslation('moderation');
  const [flagging, setFlagging] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [flaggedNow, setFlaggedNow] = useState(false);
  const flagged = post.viewerHasFlagged || flaggedNow;
  const [restore, restoring] = useMutation(RestorePostMutation, {
    refetchQueries: ['ThreadPage', 'IdeaPage', 'ThreadModeration'],
  });
  const answer = post.answered;
  const readerSeesText = post.viewerCanEdit || post.viewerCanModerate;

  return (
    <div className="post-moderation">
      {post.hidden && <HiddenNotice hidden={post.hidden} readerSeesText={readerSeesText} />}
      {answer && (
        <p className="answered-mark" role="note">
          <span className="chip chip-answered">
            {t('answered.mark', { name: answer.author.displayName })}
          </span>{' '}
          <a href={`#post-${answer.id}`}>{t('answered.link')}</a>
        </p>
      )}
      {post.tone && (
        <span className={`chip chip-tone chip-tone-${post.tone.label.toLowerCase()}`}>
          {t('moderate.tone', { tone: t(`tones.${post.tone.label}`), score: post.tone.score.toFixed(2) })}
        </span>
      )}
      <div className="post-actions">
        {post.viewerCanFlag && !flagged && !flagging && (
          <button
            type="button"
            className="button"
            aria-label={t('flag.openLabel', { name: post.author.displayName })}
            onClick={() => setFlagging(true)}
          >
            {t('flag.open')}
          </button>
        )}
        {flagged && <span role="status">{t('flag.flagged')}</span>}
        {post.viewerCanModerate && !post.hidden && !hiding && (
          <button type="button" className="button" onClick={() => setHiding(true)}>
            {t('moderate.hide')}
          </button>
        )}
        {post.viewerCanModerate && post.hidden && (
          <button
            type="button"
            className="button"
            disabled={restoring.loading}
            onClick={() => void restore({ variables: { input: { postId: post.id } } }).catch(() => undefined)}
          >
            {t('moderate.restore')}
          </button>
        )}
      </div>
      {restoring.error && <ErrorNotice error={restoring.error} />}
      {flagging && (
        <FlagDialog
          postId={post.id}
          onClose={() => setFlagging(false)}
          onFlagged={() => {
            setFlagging(false);
            setFlaggedNow(true);
          }}
        />
      )}
      {hiding && <HideForm postId={post.id} onDone={() => setHiding(false)} />}
      {post.viewerCanMarkAnswered && <MarkAnsweredForm post={post} replies={replies} />}
    </div>
  );
}

function MarkAnsweredForm({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t, i18n } = useTranslation('moderation');
  const selectId = useId();
  const candidates = replies.filter(
    (reply) => reply.id !== post.id && !reply.hidden && reply.id !== post.answered?.id,
  );
  const [answerId, setAnswerId] = useState('');
  const [mark, { loading, error }] = useMutation(MarkAnsweredMutation);
  if (candidates.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answerId) return;
    try {
      await mark({ variables: { input: { postId: post.id, answerPostId: answerId } } });
      setAnswerId('');
    } catch {
      // Shown below.
    }
  };

  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={selectId}>{t('answered.markLabel')}</label>{' '}
      <select id={selectId} value={answerId} onChange={(event) => setAnswerId(event.target.value)}>
        <option value="">{t('answered.choose')}</option>
        {candidates.map((reply) => (
          <option key={reply.id} value={reply.id}>
            {reply.author.displayName} ·{' '}
            {new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(
              new Date(reply.createdAt),
            )}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button" disabled={loading || !answerId}>
        {t('answered.markSubmit')}
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
